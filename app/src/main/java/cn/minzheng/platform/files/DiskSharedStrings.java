package cn.minzheng.platform.files;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A workbook's shared-strings table kept on disk instead of in the heap (POI's {@code ReadOnlySharedStringsTable} holds
 * every string as an object: a 1.46 MB workbook of tiny strings grew the heap by ~240 MB). The strings are written to a
 * private temporary file as they are parsed; the heap holds one int offset per string. The table is read through
 * {@link BoundedInput} and may hold no more strings than the workbook's rows can use ({@link WorkbookLimits}); each
 * string is cut at the cell length the importer keeps.
 */
public final class DiskSharedStrings implements SharedStrings, Closeable {

    /** The table has more strings than the rows allowed could use. */
    public static final class TooMany extends IOException {
        TooMany(long limit) {
            super("shared strings table holds more than " + limit + " strings");
        }
    }

    private final Path file;
    private final FileChannel channel;
    private int[] offsets = new int[1024];
    private int count;
    private int references;

    private DiskSharedStrings(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** Reads the package's shared-strings table (empty when it has none) into a temporary file in {@code folder}. */
    public static DiskSharedStrings read(OPCPackage pkg, Path folder, WorkbookLimits limits)
            throws IOException, SAXException {
        Path file = PrivateFiles.create(folder, "minzheng-strings-", ".bin");
        DiskSharedStrings strings;
        try {
            strings = new DiskSharedStrings(file);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        try {
            List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
            if (!parts.isEmpty()) {
                try (InputStream in = new BoundedInput(parts.get(0).getInputStream(), limits.maxPartBytes())) {
                    XMLReader parser;
                    try {
                        parser = XMLHelper.newXMLReader();
                    } catch (ParserConfigurationException e) {
                        throw new SAXException(e);
                    }
                    parser.setContentHandler(strings.new Parser(limits));
                    parser.parse(new InputSource(in));
                }
            }
            return strings;
        } catch (IOException | SAXException | RuntimeException e) {
            strings.close();
            throw e;
        }
    }

    private void add(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        long end = (count == 0 ? 0 : offsets[count]) + (long) bytes.length;
        if (end > Integer.MAX_VALUE) {
            throw new TooMany(count);
        }
        if (count + 2 > offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        int start = count == 0 ? 0 : offsets[count];
        channel.write(ByteBuffer.wrap(bytes), start);
        offsets[count] = start;
        offsets[count + 1] = (int) end;
        count++;
    }

    @Override
    public RichTextString getItemAt(int idx) {
        if (idx < 0 || idx >= count) {
            return new XSSFRichTextString("");
        }
        int start = offsets[idx];
        int length = offsets[idx + 1] - start;
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, start + buffer.position()) < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new XSSFRichTextString(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8));
    }

    @Override
    public int getCount() {
        return references;
    }

    @Override
    public int getUniqueCount() {
        return count;
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** {@code <si>} holds {@code <t>} directly or in runs {@code <r><t>}; phonetic runs {@code <rPh>} are not text. */
    private final class Parser extends DefaultHandler {

        private final WorkbookLimits limits;
        private final StringBuilder text = new StringBuilder();
        private boolean inString;
        private boolean inText;
        private boolean inPhonetic;

        Parser(WorkbookLimits limits) {
            this.limits = limits;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            String name = localName == null || localName.isEmpty() ? qName : localName;
            switch (name) {
                case "sst" -> {
                    String total = attributes.getValue("count");
                    references = total != null && total.matches("[0-9]{1,9}") ? Integer.parseInt(total) : 0;
                }
                case "si" -> {
                    inString = true;
                    text.setLength(0);
                }
                case "rPh" -> inPhonetic = true;
                case "t" -> inText = inString && !inPhonetic;
                default -> {}
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            String name = localName == null || localName.isEmpty() ? qName : localName;
            switch (name) {
                case "si" -> {
                    inString = false;
                    if (count >= limits.maxSharedStrings()) {
                        throw new SAXException(new TooMany(limits.maxSharedStrings()));
                    }
                    try {
                        add(text.toString());
                    } catch (IOException e) {
                        throw new SAXException(e);
                    }
                }
                case "rPh" -> inPhonetic = false;
                case "t" -> inText = false;
                default -> {}
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText && text.length() < limits.maxCellLength()) {
                text.append(ch, start, Math.min(length, limits.maxCellLength() - text.length()));
            }
        }
    }
}
