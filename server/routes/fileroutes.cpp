#include "files/fileservice.h"
#include "files/uploadreceiver.h"
#include "http/apiserver.h"
#include "routes.h"

#include <QUrl>

namespace Lectern::Server {

namespace {
struct ByteRange
{
    qint64 first = 0;
    qint64 length = 0;
};

// One `bytes=` range of RFC 9110 section 14: "a-b", "a-" or "-n". nullopt: serve the whole file
// (no Range, another unit, or several ranges, which we may ignore); an unsatisfiable or
// malformed bytes range is an error (416).
Result<std::optional<ByteRange>> parseRange(const QByteArray &header, qint64 size)
{
    const QByteArray value = header.trimmed();
    if (value.isEmpty() || !value.toLower().startsWith("bytes="))
        return std::optional<ByteRange>();
    const QByteArray spec = value.mid(6).trimmed();
    if (spec.contains(','))
        return std::optional<ByteRange>();
    const Error unsatisfiable = fail(ErrorCode::RangeNotSatisfiable,
                                     FileService::tr("The requested range is not within the file."),
                                     {{QStringLiteral("size"), size}});
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0)
        return unsatisfiable;
    const QByteArray a = spec.left(dash).trimmed();
    const QByteArray b = spec.mid(dash + 1).trimmed();
    bool okA = true;
    bool okB = true;
    const qint64 first = a.isEmpty() ? -1 : a.toLongLong(&okA);
    const qint64 last = b.isEmpty() ? -1 : b.toLongLong(&okB);
    if (!okA || !okB || (first < 0 && last < 0) || (a.isEmpty() && last == 0))
        return unsatisfiable;
    ByteRange range;
    if (first < 0) { // suffix: the last `last` bytes
        range.first = qMax<qint64>(0, size - last);
        range.length = size - range.first;
    } else {
        if (first >= size || (last >= 0 && last < first))
            return unsatisfiable;
        range.first = first;
        range.length = (last < 0 || last >= size ? size - 1 : last) - first + 1;
    }
    if (range.length <= 0)
        return unsatisfiable;
    return std::optional<ByteRange>(range);
}

// attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded (RFC 6266, 8187).
QByteArray contentDisposition(const QString &name)
{
    QByteArray ascii;
    for (const QChar c : name)
        ascii += (c.unicode() >= 0x20 && c.unicode() < 0x7f && c != u'"' && c != u'\\')
            ? char(c.unicode())
            : '_';
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
        + QUrl::toPercentEncoding(name);
}

// If-None-Match: "*" or a list of entity tags, one of which is ours (weak or strong).
bool matchesAny(const QByteArray &header, const QByteArray &etag)
{
    for (const QByteArray &tag : header.split(',')) {
        const QByteArray t = tag.trimmed();
        if (t == "*" || t == etag || t == "W/" + etag)
            return true;
    }
    return false;
}

Record withDownloadUrl(Record record)
{
    record.insert(QStringLiteral("downloadUrl"),
                  QStringLiteral("/api/v1/files/%1/download").arg(record.value(u"id").toString()));
    return record;
}
} // namespace

void addFileRoutes(Router &router, FileService &files)
{
    const QString id = QStringLiteral("id");

    // Uploads are read off the socket by UploadReceiver before Qt's parser sees them; this route
    // only answers one that reached the parser anyway (pipelined behind another request).
    router.add("POST", QStringLiteral("/api/v1/files/upload"), Access::User, Run::Inline,
               [](ApiRequest &) {
                   return ApiResponse::error(
                       fail(ErrorCode::BadRequest,
                            FileService::tr("Send an upload as the first request on its "
                                            "connection, not pipelined behind another.")));
               });
    router.add("GET", QStringLiteral("/api/v1/files/:id"), Access::User, Run::Inline,
               [&files, id](ApiRequest &r) {
                   auto record = files.get(r.user(), r.param(id));
                   if (!record)
                       return fileErrorResponse(record.error());
                   return ApiResponse::ok(withDownloadUrl(*record));
               });
    router.add("DELETE", QStringLiteral("/api/v1/files/:id"), Access::User, Run::Inline,
               [&files, id](ApiRequest &r) {
                   auto removed = files.remove(r.user(), r.param(id));
                   if (!removed)
                       return fileErrorResponse(removed.error());
                   return ApiResponse::ok(QJsonValue(), 200, FileService::tr("Deleted."));
               });
    router.add(
        "GET", QStringLiteral("/api/v1/files/:id/download"), Access::User, Run::Inline,
        [&files, id](ApiRequest &r) {
            auto download = files.download(r.user(), r.param(id));
            if (!download)
                return fileErrorResponse(download.error());
            const Record &record = download->record;
            const QByteArray etag = '"' + record.value(u"sha256").toString().toLatin1() + '"';
            const qint64 size = download->size;
            // The bytes never change under an id: a client holding them needs no second copy.
            const QByteArray ifNoneMatch = r.header("if-none-match");
            if (matchesAny(ifNoneMatch, etag)) {
                ApiResponse notModified = ApiResponse::raw(304, "application/json", QByteArray());
                notModified.withHeader("ETag", etag);
                return notModified;
            }
            auto range = parseRange(r.header("range"), size);
            // If-Range: a range only of the same bytes, else the whole file.
            const QByteArray ifRange = r.header("if-range");
            if (!ifRange.isEmpty() && ifRange != etag)
                range = std::optional<ByteRange>();
            if (!range) {
                ApiResponse refused = fileErrorResponse(range.error());
                refused.withHeader("Content-Range", "bytes */" + QByteArray::number(size));
                return refused;
            }
            const ByteRange span = range->value_or(ByteRange {0, size});
            ApiResponse response = ApiServer::fileResponse(
                *range ? 206 : 200, record.value(u"mimeType").toString().toLatin1(), download->path,
                span.first, span.length);
            response.withHeader("Content-Disposition",
                                contentDisposition(record.value(u"originalName").toString()));
            response.withHeader("ETag", etag);
            response.withHeader("Accept-Ranges", "bytes");
            if (*range)
                response.withHeader("Content-Range",
                                    "bytes " + QByteArray::number(span.first) + '-'
                                        + QByteArray::number(span.first + span.length - 1) + '/'
                                        + QByteArray::number(size));
            return response;
        });
}

} // namespace Lectern::Server
