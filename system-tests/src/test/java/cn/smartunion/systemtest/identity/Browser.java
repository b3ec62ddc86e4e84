package cn.smartunion.systemtest.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Just enough of a web browser for Keycloak's login pages: its own cookies, redirects followed one by one (so the
 * test sees where they go and stops at the client's redirect URI, which nothing serves), forms posted. For
 * {@code http://localhost} only.
 */
final class Browser {

    private static final int MAX_REDIRECTS = 20;
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*\\bid=\"kc-form-login\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new LocalhostCookies())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /** Every URI requested, in order, for assertion messages. */
    private final List<String> trail = new ArrayList<>();

    /** GETs {@code uri} and follows redirects until a page, or a redirect to a URI starting with {@code stopAt}. */
    Page open(String uri, String stopAt) {
        return follow(send(HttpRequest.newBuilder(URI.create(uri)).GET()), stopAt);
    }

    /** POSTs the form to {@code action} and follows redirects like {@link #open}. */
    Page submit(String action, Map<String, String> form, String stopAt) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return follow(send(HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))), stopAt);
    }

    List<String> trail() {
        return List.copyOf(trail);
    }

    private Page follow(Page page, String stopAt) {
        for (int hops = 0; page.isRedirect(); hops++) {
            if (page.location().startsWith(stopAt)) {
                return page;
            }
            if (hops == MAX_REDIRECTS) {
                throw new IllegalStateException("more than " + MAX_REDIRECTS + " redirects: " + trail);
            }
            page = send(HttpRequest.newBuilder(page.uri().resolve(page.location())).GET());
        }
        return page;
    }

    private Page send(HttpRequest.Builder request) {
        HttpRequest built = request.header("Accept-Language", "en").timeout(Duration.ofSeconds(60)).build();
        trail.add(built.method() + " " + built.uri());
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            return new Page(built.uri(), response.statusCode(),
                    response.headers().firstValue("Location").orElse(""), response.body());
        }
        catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One response: where it came from, and the redirect target if it is a redirect. */
    record Page(URI uri, int status, String location, String body) {

        boolean isRedirect() {
            return status >= 300 && status < 400 && !location.isEmpty();
        }

        /** The action of Keycloak's username/password form, if this page has one. */
        Optional<String> loginFormAction() {
            Matcher form = LOGIN_FORM.matcher(body);
            if (!form.find()) {
                return Optional.empty();
            }
            Matcher action = ACTION.matcher(form.group());
            return action.find() ? Optional.of(action.group(1).replace("&amp;", "&")) : Optional.empty();
        }

        /** A query parameter of the redirect target. */
        Optional<String> redirectParameter(String name) {
            String query = URI.create(location).getRawQuery();
            if (query == null) {
                return Optional.empty();
            }
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals(name)) {
                    return Optional.of(java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return Optional.empty();
        }

        @Override
        public String toString() {
            return status + " " + uri + (isRedirect() ? " -> " + location : "") + " "
                    + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
        }
    }

    /**
     * Keycloak marks its cookies {@code Secure} on {@code http://localhost} too (a browser counts localhost as a secure
     * context), and {@link java.net.CookieManager} never sends a secure cookie over http; a browser would, so this
     * does: every cookie is kept by name and path and sent back to the paths under it.
     */
    private static final class LocalhostCookies extends CookieHandler {

        private final Map<String, HttpCookie> cookies = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            String path = uri.getPath();
            String header = cookies.values().stream()
                    .filter(cookie -> !cookie.hasExpired() && path.startsWith(cookie.getPath()))
                    .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                    .collect(Collectors.joining("; "));
            return header.isEmpty() ? Map.of() : Map.of("Cookie", List.of(header));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((name, values) -> {
                if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                    values.forEach(value -> HttpCookie.parse(value).forEach(cookie -> {
                        if (cookie.getPath() == null) {
                            cookie.setPath(uri.getPath().substring(0, uri.getPath().lastIndexOf('/') + 1));
                        }
                        String key = cookie.getName() + " " + cookie.getPath();
                        if (cookie.hasExpired()) {
                            cookies.remove(key);
                        }
                        else {
                            cookies.put(key, cookie);
                        }
                    }));
                }
            });
        }
    }
}
