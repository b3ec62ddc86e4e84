package cn.smartunion.membership.enrolment.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A closed list of codes that roster cells may name by code ({@code COURIER}), by Chinese label ({@code 快递员}) or by
 * an alias ({@code 快递小哥}); used for group tags and employment forms. Matching ignores case and spaces.
 */
public final class Catalogue {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");

    private final Map<String, Entry> byCode;
    private final Map<String, String> codeByName;

    private Catalogue(Map<String, Entry> byCode) {
        this.byCode = Map.copyOf(byCode);
        Map<String, String> names = new HashMap<>();
        for (Entry entry : byCode.values()) {
            names.put(normalise(entry.code()), entry.code());
            names.put(normalise(entry.label()), entry.code());
            for (String alias : entry.aliases()) {
                String previous = names.put(normalise(alias), entry.code());
                if (previous != null && !previous.equals(entry.code())) {
                    throw new IllegalArgumentException("'" + alias + "' names both " + previous + " and "
                            + entry.code());
                }
            }
        }
        this.codeByName = Map.copyOf(names);
    }

    public static Catalogue of(Collection<Entry> entries) {
        Map<String, Entry> byCode = new LinkedHashMap<>();
        entries.forEach(e -> byCode.put(e.code(), e));
        return new Catalogue(byCode);
    }

    /** This catalogue with more entries, or more aliases for codes it has (a province's own tag set). */
    public Catalogue with(Map<String, List<String>> extra) {
        Map<String, Entry> merged = new LinkedHashMap<>(byCode);
        extra.forEach((code, names) -> {
            Entry known = merged.get(code);
            if (known == null) {
                if (names.isEmpty()) {
                    throw new IllegalArgumentException("a new code needs a label: " + code);
                }
                merged.put(code, new Entry(code, names.get(0), names.subList(1, names.size())));
            } else {
                List<String> aliases = new java.util.ArrayList<>(known.aliases());
                aliases.addAll(names);
                merged.put(code, new Entry(code, known.label(), aliases));
            }
        });
        return new Catalogue(merged);
    }

    /** The code a cell names, if the catalogue knows it. */
    public Optional<String> resolve(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(codeByName.get(normalise(text)));
    }

    public Collection<Entry> entries() {
        return byCode.values();
    }

    private static String normalise(String text) {
        return text.replaceAll("[\\s\\u3000]+", "").toUpperCase(Locale.ROOT);
    }

    /** A code, its Chinese label and other names people write for it. */
    public record Entry(String code, String label, List<String> aliases) {

        public Entry {
            if (code == null || !CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("codes are UPPER_SNAKE_CASE: " + code);
            }
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException("a label is required for " + code);
            }
            aliases = List.copyOf(aliases);
        }

        public static Entry of(String code, String label, String... aliases) {
            return new Entry(code, label, List.of(aliases));
        }
    }
}
