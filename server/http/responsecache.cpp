#include "responsecache.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <algorithm>
#include <memory>
#include <optional>
#include <zlib.h>

namespace Lectern::Server {

namespace {
// Smaller bodies gain little from compression and cost a header more.
constexpr qsizetype minGzipBytes = 1024;
// What an entry costs beyond its bodies (key, headers, bookkeeping), roughly.
constexpr qsizetype entryOverhead = 512;
constexpr char gzipSuffix[] = "-gzip";

QByteArray quoted(const QByteArray &tag)
{
    return '"' + tag + '"';
}
} // namespace

ResponseCache::ResponseCache(qint64 maxBytes, Version version)
    : m_maxBytes(qMax<qint64>(0, maxBytes))
    , m_version(std::move(version))
    , m_entries(qsizetype(m_maxBytes))
{ }

ApiResponse ResponseCache::serve(const ApiRequest &request, const QByteArray &key,
                                 const Builder &build)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // Read before building: a body built afterwards is at least as new as this version, so an
    // entry is never older than the version it is filed under.
    const Result<qint64> version = m_version ? m_version() : Result<qint64>(qint64(0));
    const bool storing = m_maxBytes > 0 && version.isOk();
    if (storing) {
        QMutexLocker lock(&m_mutex);
        const Entry *entry = m_entries.object(key);
        if (entry && entry->version == *version && now < entry->expiresAtMs) {
            ++m_hits;
            const Entry current = *entry; // shares the bytes
            lock.unlock();
            return answer(request, current);
        }
        ++m_misses;
    }

    Built built = build();
    if (built.response.status != 200)
        return std::move(built.response);
    Entry entry;
    entry.version = storing ? *version : 0;
    entry.expiresAtMs = built.expiresAtMs;
    entry.etag = QCryptographicHash::hash(built.response.body, QCryptographicHash::Sha1)
                     .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    entry.response = std::move(built.response);
    if (entry.response.body.size() >= minGzipBytes) {
        QByteArray compressed = gzip(entry.response.body);
        if (!compressed.isEmpty() && compressed.size() < entry.response.body.size())
            entry.gzipBody = std::move(compressed);
    }
    ApiResponse response = answer(request, entry);
    if (storing && now < entry.expiresAtMs) {
        const qsizetype cost
            = entry.response.body.size() + entry.gzipBody.size() + key.size() + entryOverhead;
        QMutexLocker lock(&m_mutex);
        // Another thread may have filed a newer build meanwhile: keep the newer one.
        const Entry *existing = m_entries.object(key);
        if (!existing || existing->version <= entry.version)
            m_entries.insert(key, new Entry(std::move(entry)), cost); // too big: not kept
    }
    return response;
}

std::optional<ApiResponse> ResponseCache::find(const ApiRequest &request, const QByteArray &key)
{
    if (m_maxBytes == 0)
        return std::nullopt;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const Result<qint64> version = m_version ? m_version() : Result<qint64>(qint64(0));
    if (!version)
        return std::nullopt;
    QMutexLocker lock(&m_mutex);
    const Entry *entry = m_entries.object(key);
    if (!entry || entry->version != *version || now >= entry->expiresAtMs)
        return std::nullopt; // counted as a miss by serve()
    ++m_hits;
    const Entry current = *entry;
    lock.unlock();
    return answer(request, current);
}

void ResponseCache::expireBefore(qint64 version)
{
    QMutexLocker lock(&m_mutex);
    if (m_entries.isEmpty())
        return;
    const QList<QByteArray> keys = m_entries.keys();
    for (const QByteArray &key : keys) {
        const Entry *entry = m_entries.object(key);
        if (entry && entry->version < version)
            m_entries.remove(key);
    }
}

ApiResponse ResponseCache::answer(const ApiRequest &request, const Entry &entry) const
{
    const bool gzipped
        = !entry.gzipBody.isEmpty() && acceptsGzip(request.header("accept-encoding"));
    const QByteArray etag = quoted(gzipped ? entry.etag + gzipSuffix : entry.etag);
    ApiResponse response;
    if (matchesIfNoneMatch(request.header("if-none-match"), entry.etag)) {
        response = ApiResponse::raw(304, entry.response.contentType, QByteArray());
    } else {
        response = entry.response;
        if (gzipped) {
            response.body = entry.gzipBody;
            response.withHeader("Content-Encoding", "gzip");
        }
    }
    // Clients may keep the body but must ask again (with If-None-Match) before reusing it, and
    // only for the user who fetched it.
    response.withHeader("ETag", etag)
        .withHeader("Vary", "Accept-Encoding")
        .withHeader("Cache-Control", "private, no-cache");
    return response;
}

QByteArray ResponseCache::requestKey(const ApiRequest &request)
{
    QList<std::pair<QString, QString>> items = request.query.queryItems(QUrl::FullyDecoded);
    std::sort(items.begin(), items.end());
    QByteArray key = request.path.toUtf8();
    key += '?';
    for (const auto &[name, value] : std::as_const(items)) {
        key += name.toUtf8().toPercentEncoding();
        key += '=';
        key += value.toUtf8().toPercentEncoding();
        key += '&';
    }
    return key;
}

bool ResponseCache::acceptsGzip(const QByteArray &acceptEncoding)
{
    // "gzip, deflate, br", "gzip;q=0.5", "*;q=1", "identity": gzip unless its q (or the
    // wildcard's, when gzip is not named) is 0.
    std::optional<bool> gzip;
    std::optional<bool> wildcard;
    for (const QByteArray &part : acceptEncoding.split(',')) {
        const QList<QByteArray> pieces = part.split(';');
        const QByteArray coding = pieces.first().trimmed().toLower();
        bool acceptable = true;
        for (qsizetype i = 1; i < pieces.size(); ++i) {
            const QByteArray parameter = pieces[i].trimmed().toLower();
            if (parameter.startsWith("q=")) {
                bool ok = false;
                const double q = parameter.mid(2).toDouble(&ok);
                acceptable = ok && q > 0;
            }
        }
        if (coding == "gzip" || coding == "x-gzip")
            gzip = acceptable;
        else if (coding == "*")
            wildcard = acceptable;
    }
    return gzip.value_or(wildcard.value_or(false));
}

bool ResponseCache::matchesIfNoneMatch(const QByteArray &ifNoneMatch, const QByteArray &etag)
{
    if (ifNoneMatch.isEmpty() || etag.isEmpty())
        return false;
    const QByteArray plain = quoted(etag);
    const QByteArray gzipped = quoted(etag + gzipSuffix);
    for (QByteArray tag : ifNoneMatch.split(',')) {
        tag = tag.trimmed();
        if (tag == "*")
            return true;
        if (tag.startsWith("W/"))
            tag = tag.mid(2);
        // Both encodings carry the same content: either tag proves the client has it.
        if (tag == plain || tag == gzipped)
            return true;
    }
    return false;
}

QByteArray ResponseCache::gzip(const QByteArray &data)
{
    z_stream stream {};
    // 15 window bits + 16: a gzip header and trailer instead of zlib's.
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY)
        != Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&stream, uLong(data.size()))) + 32, Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int result = deflate(&stream, Z_FINISH);
    const qsizetype written = qsizetype(stream.total_out);
    deflateEnd(&stream);
    if (result != Z_STREAM_END)
        return {};
    out.truncate(written);
    out.squeeze();
    return out;
}

ResponseCache::Stats ResponseCache::stats() const
{
    QMutexLocker lock(&m_mutex);
    Stats stats;
    stats.hits = m_hits;
    stats.misses = m_misses;
    stats.bytes = m_entries.totalCost();
    stats.entries = int(m_entries.size());
    return stats;
}

} // namespace Lectern::Server
