package cn.minzheng.resident;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports: {@code POST /api/v1/residents/imports} (multipart {@code file}, {@code mode}) → {@code {"id": …}};
 * {@code GET …/{id}} → status and counts; {@code GET …/{id}/rejections.csv} → {@code row,field,reason}.
 */
@RestController
@RequestMapping("/api/v1/residents/imports")
class ResidentImportApiController {

    private final ResidentImports imports;

    ResidentImportApiController(ResidentImports imports) {
        this.imports = imports;
    }

    @PostMapping
    @PreAuthorize(ResidentRoles.WRITE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Long> start(
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String mode) {
        if (file == null) {
            throw new cn.minzheng.shared.BusinessRuleViolation("请以 multipart/form-data 上传文件（字段名 file）");
        }
        return Map.of("id", imports.start(file.getOriginalFilename(), bytes(file), mode(mode)));
    }

    @GetMapping
    @PreAuthorize(ResidentRoles.WRITE)
    List<ResidentImports.Import> recent() {
        return imports.recent(50);
    }

    @GetMapping("/{id}")
    @PreAuthorize(ResidentRoles.WRITE)
    ResidentImports.Import status(@PathVariable long id) {
        return imports.find(id);
    }

    @GetMapping("/{id}/rejections.csv")
    @PreAuthorize(ResidentRoles.WRITE)
    ResponseEntity<byte[]> rejections(@PathVariable long id) {
        return ResidentExport.download(imports.rejectionsCsv(id), "rejections-" + id + ".csv");
    }

    @GetMapping("/template.xlsx")
    @PreAuthorize(ResidentRoles.WRITE)
    ResponseEntity<byte[]> templateXlsx() {
        return ResponseEntity.ok()
                .contentType(
                        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("居民与家庭导入模板.xlsx", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(ImportTemplate.xlsx());
    }

    @GetMapping("/template.csv")
    @PreAuthorize(ResidentRoles.WRITE)
    ResponseEntity<byte[]> templateCsv() {
        return ResidentExport.download(ImportTemplate.csv(), "居民与家庭导入模板.csv");
    }

    static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ResidentImports.Mode mode(String mode) {
        if (mode == null || mode.isBlank()) {
            return ResidentImports.Mode.ALL_OR_NOTHING;
        }
        try {
            return ResidentImports.Mode.valueOf(mode.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new cn.minzheng.shared.BusinessRuleViolation(
                    "导入方式 mode 应为 ALL_OR_NOTHING（全部正确才导入）或 ACCEPT_VALID（导入正确的行）");
        }
    }
}
