#pragma once

#include "apirequest.h"
#include "apiresponse.h"

#include <QByteArray>
#include <QCache>
#include <QMutex>
#include <functional>
#include <limits>

namespace Lectern::Server {

// Serialized bodies of authenticated GETs (course reads), reused while the data they were built
// from is unchanged: each entry carries the database's change sequence (change_log's newest seq)
// read before it was built, and is served only while that is still the newest seq (one cheap
// indexed query per request, right across several server processes) and before its expiry (a
// learner's view changes by itself when material unlocks). Adds what clients revalidate and
// decompress with: a strong ETag (If-None-Match answers 304 without building the body) and a
// gzip copy, compressed once, for callers that accept it. Bounded by bytes, least recently used
// first out. Thread-safe.
class ResponseCache
{
public:
    // The database's newest change sequence.
    using Version = std::function<Result<qint64>()>;

    struct Built
    {
        ApiResponse response;
        // When the body stops being right without any data changing (ms since the epoch).
        qint64 expiresAtMs = std::numeric_limits<qint64>::max();
    };
    using Builder = std::function<Built()>;

    // maxBytes 0 turns storing off (ETag, 304 and gzip still work: bodies are built each time).
    ResponseCache(qint64 maxBytes, Version version);

    // Answers `request` from the entry under `key` when it is still current, else builds, stores
    // and answers it. `key` must name everything the body depends on besides the data and the
    // time: the route, its parameters and query, and who is asking (their view). Only 200s are
    // stored; others pass through untouched.
    ApiResponse serve(const ApiRequest &request, const QByteArray &key, const Builder &build);
    // The answer from a current entry under `key`, or nothing (then serve() builds it).
    std::optional<ApiResponse> find(const ApiRequest &request, const QByteArray &key);

    // Drops the entries built before `version` (a newer change sequence): they can never be
    // served again, so their memory goes at once instead of when they are next asked for or
    // pushed out. Every server process still checks the version per request (serve()), which
    // is what covers changes other processes commit.
    void expireBefore(qint64 version);

    // "route|path|sorted query" for `request`: the request half of a key.
    static QByteArray requestKey(const ApiRequest &request);

    // Does an Accept-Encoding header value accept gzip (with a q above 0)?
    static bool acceptsGzip(const QByteArray &acceptEncoding);
    // Does an If-None-Match header value name `etag` (weak comparison, "*" matches)?
    static bool matchesIfNoneMatch(const QByteArray &ifNoneMatch, const QByteArray &etag);
    // A gzip member (RFC 1952) of `data`; empty when zlib fails.
    static QByteArray gzip(const QByteArray &data);

    struct Stats
    {
        qint64 hits = 0;
        qint64 misses = 0;
        qint64 bytes = 0;
        int entries = 0;
    };
    Stats stats() const;
    qint64 maxBytes() const { return m_maxBytes; }

private:
    struct Entry
    {
        qint64 version = 0;
        qint64 expiresAtMs = 0;
        QByteArray etag;      // the hash, unquoted; the gzip copy's ETag adds "-gzip"
        ApiResponse response; // identity body
        QByteArray gzipBody;  // empty when not worth compressing
    };
    ApiResponse answer(const ApiRequest &request, const Entry &entry) const;

    qint64 m_maxBytes;
    Version m_version;
    mutable QMutex m_mutex;
    QCache<QByteArray, Entry> m_entries;
    qint64 m_hits = 0;
    qint64 m_misses = 0;
};

} // namespace Lectern::Server
