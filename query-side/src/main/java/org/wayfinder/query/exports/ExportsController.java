package org.wayfinder.query.exports;

import jakarta.validation.Valid;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wayfinder.kernel.access.Actor;

/** Pseudonymised evaluator exports: request, follow, download, and the data dictionary. */
@RestController
@RequestMapping("/api/exports")
class ExportsController {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    /** The dictionary of one file. */
    record Dictionary(String kind, String rows, List<ExportKind.Column> columns) {
    }

    private final EvaluatorExports exports;

    ExportsController(EvaluatorExports exports) {
        this.exports = exports;
    }

    @PostMapping
    ResponseEntity<EvaluatorExports.Status> request(@Valid @RequestBody ExportRequest request) {
        EvaluatorExports.Status status = exports.request(request, actor());
        return ResponseEntity.accepted().location(URI.create("/api/exports/" + status.exportId())).body(status);
    }

    @GetMapping("/dictionary")
    List<Dictionary> dictionary() {
        return java.util.Arrays.stream(ExportKind.values())
                .map(kind -> new Dictionary(kind.parameter(), kind.rows(), kind.columns())).toList();
    }

    @GetMapping("/{exportId}")
    EvaluatorExports.Status status(@PathVariable String exportId) {
        return exports.status(known(exportId), actor());
    }

    @GetMapping("/{exportId}/file")
    ResponseEntity<Resource> file(@PathVariable String exportId) {
        Path file = exports.file(known(exportId), actor());
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(exports.fileName(exportId)).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new FileSystemResource(file));
    }

    private static String known(String exportId) {
        if (!UUID.matcher(exportId).matches()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such export.");
            problem.setTitle("Not found");
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        }
        return exportId;
    }

    private static Actor actor() {
        return Actor.current().orElseThrow(() -> new IllegalStateException("No signed-in user"));
    }
}
