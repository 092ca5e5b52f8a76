#pragma once

#include <QCryptographicHash>
#include <QTemporaryFile>
#include <chrono>
#include <functional>
#include <lectern/result.h>
#include <memory>

namespace Lectern::Server {

// The bytes of uploaded files, stored once per content under <data>/files/ab/cd/<sha256>. Only
// hashes ever become paths: names from clients never touch the file system.
class FileStore
{
public:
    explicit FileStore(const QString &dataDir);

    QString root() const { return m_root; }
    // Where the blob with this (lower-case hex) SHA-256 lives; empty for anything not a SHA-256.
    QString blobPath(const QString &sha256) const;
    bool contains(const QString &sha256) const;

    // An upload on its way in: written to a temporary file in the store (same file system, so
    // adopting it is a rename) while its SHA-256 and size are computed. Removed unless adopted.
    class Writer
    {
    public:
        static constexpr qsizetype sniffBytes = 16 * 1024;

        bool write(const char *data, qint64 size);
        qint64 size() const { return m_size; }
        // The first bytes, for recognising the type.
        const QByteArray &head() const { return m_head; }
        QString errorString() const { return m_file.errorString(); }
        // Flushes and returns the lower-case hex SHA-256 of everything written.
        Result<QString> finish();

    private:
        friend class FileStore;
        explicit Writer(const QString &templatePath);

        QTemporaryFile m_file;
        QCryptographicHash m_hash {QCryptographicHash::Sha256};
        QByteArray m_head;
        qint64 m_size = 0;
    };

    Result<std::unique_ptr<Writer>> createWriter() const;
    // Moves a finished writer's file to its blob path. When the same bytes are stored already the
    // temporary file is dropped instead (deduplication). Answers whether a new blob was stored.
    Result<bool> adopt(Writer &writer, const QString &sha256) const;

    struct Sweep
    {
        int removed = 0;
        qint64 bytes = 0;
    };
    // Removes blobs no live file row references (`referenced` answers for a SHA-256) that were
    // last stored longer than `grace` ago, and abandoned temporary files. The grace keeps a blob
    // that an upload is adopting right now (adopt() renews its time) from being swept under it.
    Sweep sweep(const std::function<bool(const QString &sha256)> &referenced,
                std::chrono::seconds grace) const;

private:
    QString m_root;
};

} // namespace Lectern::Server
