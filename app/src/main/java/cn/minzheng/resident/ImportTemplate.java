package cn.minzheng.resident;

import cn.minzheng.platform.Csv;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The import template: the ten columns with their Chinese headers, every column formatted as text (so that Excel keeps
 * ID numbers and codes as typed), drop-down lists for the fixed vocabularies, and a second sheet explaining each
 * column with an example. Only the first sheet is imported.
 */
final class ImportTemplate {

    private ImportTemplate() {}

    static byte[] csv() {
        return Csv.utf8WithBom(Csv.line(Header.headers().toArray(String[]::new)));
    }

    static byte[] xlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setDataFormat(workbook.createDataFormat().getFormat("@"));

            Sheet sheet = workbook.createSheet("居民与家庭");
            Row row = sheet.createRow(0);
            ImportColumn[] columns = ImportColumn.values();
            for (int i = 0; i < columns.length; i++) {
                row.createCell(i).setCellValue(columns[i].header());
                row.getCell(i).setCellStyle(header);
                sheet.setDefaultColumnStyle(i, text);
                sheet.setColumnWidth(i, (i == ImportColumn.ID_NUMBER.ordinal() ? 22 : 14) * 256);
            }
            sheet.createFreezePane(0, 1);
            DataValidationHelper validations = sheet.getDataValidationHelper();
            list(sheet, validations, ImportColumn.DOCUMENT_TYPE, "居民身份证", "港澳台居民居住证", "外国人永久居留身份证", "无");
            list(sheet, validations, ImportColumn.GENDER, "男", "女");
            list(
                    sheet,
                    validations,
                    ImportColumn.RELATIONSHIP,
                    "户主",
                    "配偶",
                    "子",
                    "女",
                    "父亲",
                    "母亲",
                    "孙子",
                    "孙女",
                    "儿媳",
                    "女婿",
                    "兄弟姐妹",
                    "其他亲属",
                    "非亲属");

            Sheet help = workbook.createSheet("填写说明");
            String[][] lines = {
                {"列", "必填", "说明", "示例"},
                {"户编号", "是", "同一户的成员填写相同的户编号；本社区内唯一", "XZL-0001"},
                {"姓名", "是", "与证件一致；可含生僻字（如𠮷）和间隔号“·”", "张三"},
                {"证件类型", "是", "居民身份证、港澳台居民居住证、外国人永久居留身份证或无", "居民身份证"},
                {"证件号码", "证件类型不为“无”时必填", "18位（旧15位号码自动升位）；请保持本列为文本格式", "（18位号码）"},
                {"性别", "是", "男或女；须与证件号码一致", "男"},
                {"出生日期", "是", "YYYY-MM-DD；须与证件号码一致", "1980-05-17"},
                {"与户主关系", "是", "每户有且只有一行为“户主”", "户主"},
                {"居住社区代码", "是", "12位统计用区划代码，须在您的数据范围内", "610113001001"},
                {"户籍地址码", "否", "6位县级（或9位、12位）行政区划代码", "610113"},
                {"联系电话", "否", "11位手机号码或带区号的固定电话", "13800000000"},
                {"", "", "只导入第一个工作表；同一文件重复导入不会产生重复记录", ""}
            };
            for (int r = 0; r < lines.length; r++) {
                Row line = help.createRow(r);
                for (int c = 0; c < lines[r].length; c++) {
                    line.createCell(c).setCellValue(lines[r][c]);
                }
            }
            help.setColumnWidth(2, 60 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void list(Sheet sheet, DataValidationHelper helper, ImportColumn column, String... values) {
        DataValidation validation = helper.createValidation(
                helper.createExplicitListConstraint(values),
                new CellRangeAddressList(1, 200_000, column.ordinal(), column.ordinal()));
        validation.setShowErrorBox(false); // other words (长子, 外孙女 …) are accepted too
        sheet.addValidationData(validation);
    }
}
