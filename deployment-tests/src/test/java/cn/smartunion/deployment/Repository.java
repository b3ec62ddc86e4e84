package cn.smartunion.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The repository's files the deployment is checked against (the build sets the root; the module folder otherwise). */
final class Repository {

    static final Path ROOT = Path.of(System.getProperty("smartunion.repository.root", "..")).toAbsolutePath().normalize();
    static final Path CHART = ROOT.resolve("helm/smart-union-suite");
    static final Path COMPOSE_FILE = ROOT.resolve("docker-compose.yml");
    static final Path COMPOSE_ENV_EXAMPLE = ROOT.resolve(".env.example");
    static final Path ASYNCAPI = ROOT.resolve("contracts/src/main/resources/asyncapi.json");

    /** The deployables, as the build names their modules (and the images). */
    static final List<String> DEPLOYABLES = List.of("membership-service", "aid-service", "rights-service",
            "competition-service", "statistics-service", "gateway");

    private Repository() {
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
