package org.wayfinder.app.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.wayfinder.app.metadata.RequestActor;
import org.wayfinder.app.metadata.RequestContext;
import org.wayfinder.command.history.ImportCsv;
import org.wayfinder.command.history.generator.ImportFile;

/**
 * Accepts history as the import files (docs/import-format.md), checks every part's header before
 * anything is accepted, and reports progress and refused rows while the import runs in the background.
 */
@RestController
@RequestMapping("/api/imports")
class HistoryImportController {

    /** Part names: the file kinds, lower case (people, providers, activities, ...). */
    private static final Map<String, ImportFile> PARTS = Arrays.stream(ImportFile.values())
            .collect(Collectors.toMap(kind -> kind.name().toLowerCase(Locale.ROOT), kind -> kind));
    private static final Set<String> CSV_TYPES = Set.of("text/csv", "application/csv", "text/plain",
            "application/octet-stream", "application/vnd.ms-excel");
    private static final int MAX_PAGE_SIZE = 1000;
    /** Query parameter: pause this node's projections while the import runs (docs/import-format.md). */
    static final String PAUSE_PROJECTIONS = "pauseProjections";

    private final HistoryImports imports;
    private final HistoryImportStore store;
    private final Clock clock;

    HistoryImportController(HistoryImports imports, HistoryImportStore store, Clock clock) {
        this.imports = imports;
        this.store = store;
        this.clock = clock;
    }

    record ImportAccepted(String importId, String status) {
    }

    record ErrorPage(String importId, long total, int page, int size, List<HistoryImportStore.ImportError> errors) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportAccepted> start(MultipartHttpServletRequest request) {
        for (String parameter : request.getParameterMap().keySet()) {
            if (!PAUSE_PROJECTIONS.equals(parameter)) {
                throw problem(HttpStatus.BAD_REQUEST, "Not an import file", "Every part must be a file; parts are named "
                        + String.join(", ", partNames()) + ". The only parameter is " + PAUSE_PROJECTIONS + ".",
                        null);
            }
        }
        boolean pauseProjections = pauseProjections(request.getParameter(PAUSE_PROJECTIONS));
        Map<String, MultipartFile> parts = request.getFileMap();
        if (parts.isEmpty()) {
            throw problem(HttpStatus.BAD_REQUEST, "No import files", "Send at least one file part named one of "
                    + String.join(", ", partNames()) + ".", null);
        }
        for (String name : parts.keySet()) {
            if (!PARTS.containsKey(name)) {
                throw problem(HttpStatus.BAD_REQUEST, "Unknown import file", "There is no file kind '" + name
                        + "'; parts are named " + String.join(", ", partNames()) + ".", name);
            }
        }
        String importId = UUID.randomUUID().toString();
        Path spool = imports.spoolDirectoryFor(importId);
        try {
            Files.createDirectories(spool);
            for (Map.Entry<String, MultipartFile> part : parts.entrySet()) {
                ImportFile kind = PARTS.get(part.getKey());
                refuseIfNotCsv(part.getKey(), part.getValue(), kind);
                Path file = spool.resolve(kind.fileName());
                part.getValue().transferTo(file);
                Optional<String> problem = ImportCsv.headerProblem(kind, file);
                if (problem.isPresent()) {
                    throw problem(HttpStatus.BAD_REQUEST, "Wrong import file", "Part '" + part.getKey() + "': "
                            + problem.get(), part.getKey());
                }
            }
        } catch (IOException e) {
            FileSystemUtils.deleteRecursively(spool.toFile());
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            FileSystemUtils.deleteRecursively(spool.toFile());
            throw e;
        }
        RequestActor actor = RequestContext.current().map(RequestContext::actor).orElse(RequestActor.SYSTEM);
        String files = parts.keySet().stream().sorted().collect(Collectors.joining(","));
        store.create(importId, actor.actorId(), actor.role(), actor.organisation(), files, spool.toString(),
                pauseProjections);
        imports.submit(importId);
        String status = "/api/imports/" + importId;
        return ResponseEntity.accepted().location(URI.create(status)).body(new ImportAccepted(importId, status));
    }

    @GetMapping("/{importId}")
    HistoryImportStatus status(@PathVariable String importId) {
        HistoryImportStore.ImportRecord record = existing(importId);
        return HistoryImportStatus.of(record, clock.instant(), imports.views(record.importId()));
    }

    @GetMapping("/{importId}/errors")
    ResponseEntity<?> errors(@PathVariable String importId, @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "100") int size,
                             @RequestParam(required = false) String format) {
        String id = existing(importId).importId();
        if ("csv".equals(format)) {
            StringBuilder csv = new StringBuilder("file_kind,line_number,source_key,stage,reason\r\n");
            long offset = 0;
            List<HistoryImportStore.ImportError> chunk;
            do {
                chunk = store.errors(id, offset, MAX_PAGE_SIZE);
                chunk.forEach(error -> csv.append(error.fileKind()).append(',').append(error.lineNumber()).append(',')
                        .append(quoted(error.sourceKey())).append(',').append(error.stage()).append(',')
                        .append(quoted(error.reason())).append("\r\n"));
                offset += chunk.size();
            } while (chunk.size() == MAX_PAGE_SIZE);
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"")
                    .body(csv.toString());
        }
        if (format != null) {
            throw problem(HttpStatus.BAD_REQUEST, "Unknown format", "format may only be csv; omit it for JSON.", null);
        }
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw problem(HttpStatus.BAD_REQUEST, "Invalid page", "page must be 0 or more and size 1 to "
                    + MAX_PAGE_SIZE + ".", null);
        }
        return ResponseEntity.ok(new ErrorPage(id, store.errorCount(id), page, size,
                store.errors(id, (long) page * size, size)));
    }

    private boolean pauseProjections(String value) {
        if (value == null || value.isEmpty()) {
            return imports.pauseProjectionsByDefault();
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw problem(HttpStatus.BAD_REQUEST, "Invalid parameter", PAUSE_PROJECTIONS
                    + " must be true or false.", null);
        };
    }

    private HistoryImportStore.ImportRecord existing(String importId) {
        String id = importId.toLowerCase(Locale.ROOT);
        return store.find(id).orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "Unknown import",
                "There is no import with this id.", null));
    }

    private static void refuseIfNotCsv(String name, MultipartFile part, ImportFile kind) {
        String type = part.getContentType();
        if (type != null && !CSV_TYPES.contains(MediaType.parseMediaType(type).getType() + "/"
                + MediaType.parseMediaType(type).getSubtype())) {
            throw problem(HttpStatus.BAD_REQUEST, "Wrong import file", "Part '" + name + "' is " + type
                    + ", not CSV; expected a CSV file with the header " + String.join(",", kind.columns()) + ".", name);
        }
    }

    private static String quoted(String value) {
        if (value == null) {
            return "";
        }
        return value.matches("[^\",\r\n]*") ? value : "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static List<String> partNames() {
        return Arrays.stream(ImportFile.values()).map(kind -> kind.name().toLowerCase(Locale.ROOT)).toList();
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail, String part) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (part != null) {
            problem.setProperty("part", part);
        }
        return new ErrorResponseException(status, problem, null);
    }
}
