// XMP metadata, file identifier and output intent (see metadata.hpp).
#include "backends/pdf/metadata.hpp"
#include "text/xml_escape.hpp"

#include <cvpress/diagnostics.hpp>
#include <cvpress/version.hpp>

#include <hpdf.h>
#include <hpdf_doc.h>

#include <chrono>
#include <cstdio>

namespace cvpress::detail {

namespace {

// ISO 8601 date (UTC) as XMP writes it.
std::string xmp_date(std::int64_t epoch) {
  using namespace std::chrono;
  const sys_seconds time{seconds{epoch}};
  const sys_days day = floor<days>(time);
  const year_month_day ymd{day};
  const hh_mm_ss hms{time - day};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02ldZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count()),
                static_cast<long>(hms.seconds().count()));
  return buf;
}

std::string alt(std::string_view tag, std::string_view value) {
  return "<" + std::string(tag) + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escape_xml(value) +
         "</rdf:li></rdf:Alt></" + std::string(tag) + ">\n";
}

// FNV-1a, 64 bits.
std::uint64_t fnv(std::string_view s, std::uint64_t h) {
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

} // namespace

std::string xmp_packet(const DocumentInfo& info, std::string_view producer,
                       const MetadataOptions& options) {
  std::string x = "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                  "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                  "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
  x += "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
       "<dc:format>application/pdf</dc:format>\n";
  if (!info.title.empty())
    x += alt("dc:title", info.title);
  if (!info.author.empty())
    x += "<dc:creator><rdf:Seq><rdf:li>" + escape_xml(info.author) +
         "</rdf:li></rdf:Seq></dc:creator>\n";
  if (!info.subject.empty())
    x += alt("dc:description", info.subject);
  if (!info.lang.empty())
    x += "<dc:language><rdf:Bag><rdf:li>" + escape_xml(info.lang) +
         "</rdf:li></rdf:Bag></dc:language>\n";
  x += "</rdf:Description>\n";
  x += "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n";
  x += "<pdf:Producer>" + escape_xml(producer) + "</pdf:Producer>\n";
  if (!info.keywords.empty())
    x += "<pdf:Keywords>" + escape_xml(info.keywords) + "</pdf:Keywords>\n";
  x += "</rdf:Description>\n";
  x += "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n";
  x += "<xmp:CreatorTool>cvpress " + std::string(cvpress::version) + "</xmp:CreatorTool>\n";
  if (options.date_epoch) {
    const std::string d = xmp_date(*options.date_epoch);
    x += "<xmp:CreateDate>" + d + "</xmp:CreateDate>\n<xmp:ModifyDate>" + d +
         "</xmp:ModifyDate>\n<xmp:MetadataDate>" + d + "</xmp:MetadataDate>\n";
  }
  x += "</rdf:Description>\n";
  x += "<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
       "<pdfuaid:part>1</pdfuaid:part>\n</rdf:Description>\n";
  if (options.pdfa) {
    x += "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
         "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>A</pdfaid:conformance>\n"
         "</rdf:Description>\n";
    // PDF/A-2 wants every schema beyond its predefined ones described.
    x += "<rdf:Description rdf:about=\"\" "
         "xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\" "
         "xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" "
         "xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
         "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
         "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
         "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
         "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
         "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
         "<pdfaProperty:name>part</pdfaProperty:name>\n"
         "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
         "<pdfaProperty:category>internal</pdfaProperty:category>\n"
         "<pdfaProperty:description>Part of ISO 14289 the file conforms to"
         "</pdfaProperty:description>\n"
         "</rdf:li></rdf:Seq></pdfaSchema:property>\n"
         "</rdf:li></rdf:Bag></pdfaExtension:schemas>\n</rdf:Description>\n";
  }
  x += "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>";
  return x;
}

void write_metadata(HpdfDocument& pdf, const DocumentInfo& info, const MetadataOptions& options) {
  HPDF_Doc doc = pdf.get();
  HPDF_MMgr mmgr = doc->mmgr;
  const char* producer = HPDF_GetInfoAttr(doc, HPDF_INFO_PRODUCER);
  const std::string xmp = xmp_packet(info, producer ? producer : "", options);
  // Uncompressed, so that tools that do not parse PDF find it.
  HPDF_Dict meta = HPDF_DictStream_New(mmgr, doc->xref);
  pdf.check("writing the XMP metadata", meta != nullptr);
  HPDF_Dict_AddName(meta, "Type", "Metadata");
  HPDF_Dict_AddName(meta, "Subtype", "XML");
  HPDF_Stream_Write(meta->stream, reinterpret_cast<const HPDF_BYTE*>(xmp.data()),
                    static_cast<HPDF_UINT>(xmp.size()));
  HPDF_Dict_Add(doc->catalog, "Metadata", meta);
  pdf.check("writing the XMP metadata");

  // The file identifier (PDF/A): a hash of the content and the metadata,
  // so equal documents get equal bytes.
  std::uint64_t h1 = fnv(xmp, options.digest ^ 0xcbf29ce484222325ULL);
  std::uint64_t h2 = fnv(xmp, h1 ^ 0x9e3779b97f4a7c15ULL);
  HPDF_BYTE id[16];
  for (int i = 0; i < 8; ++i) {
    id[i] = static_cast<HPDF_BYTE>(h1 >> (8 * i));
    id[8 + i] = static_cast<HPDF_BYTE>(h2 >> (8 * i));
  }
  HPDF_Array ids = HPDF_Array_New(mmgr);
  pdf.check("writing the file identifier", ids != nullptr);
  HPDF_Array_Add(ids, HPDF_Binary_New(mmgr, id, sizeof id));
  HPDF_Array_Add(ids, HPDF_Binary_New(mmgr, id, sizeof id));
  HPDF_Dict_Add(doc->trailer, "ID", ids);
  pdf.check("writing the file identifier");

  if (!options.pdfa)
    return;
  const std::string_view icc = srgb_icc_profile();
  if (icc.empty())
    throw RenderError("PDF/A: this build of cvpress has no sRGB ICC profile to embed "
                      "(install icc-profiles-free and rebuild)");
  HPDF_Dict profile = HPDF_DictStream_New(mmgr, doc->xref);
  pdf.check("writing the output intent", profile != nullptr);
  if (options.compress)
    profile->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  HPDF_Dict_AddNumber(profile, "N", 3);
  HPDF_Stream_Write(profile->stream, reinterpret_cast<const HPDF_BYTE*>(icc.data()),
                    static_cast<HPDF_UINT>(icc.size()));
  HPDF_Dict intent = HPDF_Dict_New(mmgr);
  pdf.check("writing the output intent", intent != nullptr);
  HPDF_Dict_AddName(intent, "Type", "OutputIntent");
  HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
  HPDF_Dict_Add(intent, "OutputConditionIdentifier",
                HPDF_String_New(mmgr, "sRGB IEC61966-2.1", nullptr));
  HPDF_Dict_Add(intent, "RegistryName", HPDF_String_New(mmgr, "http://www.color.org", nullptr));
  HPDF_Dict_Add(intent, "Info", HPDF_String_New(mmgr, "sRGB IEC61966-2.1", nullptr));
  HPDF_Dict_Add(intent, "DestOutputProfile", profile);
  HPDF_Array intents = HPDF_Array_New(mmgr);
  pdf.check("writing the output intent", intents != nullptr);
  HPDF_Array_Add(intents, intent);
  HPDF_Dict_Add(doc->catalog, "OutputIntents", intents);
  pdf.check("writing the output intent");
}

} // namespace cvpress::detail
