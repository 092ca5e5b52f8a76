#include "filestore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QRegularExpression>

namespace Lectern::Server {

namespace {
struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Server::FileStore)
};

bool isSha256(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{64}\\z"));
    return re.match(text).hasMatch();
}
} // namespace

FileStore::FileStore(const QString &dataDir)
    : m_root(QDir(dataDir).filePath(QStringLiteral("files")))
{ }

QString FileStore::blobPath(const QString &sha256) const
{
    if (!isSha256(sha256))
        return {};
    return m_root + u'/' + sha256.left(2) + u'/' + sha256.mid(2, 2) + u'/' + sha256;
}

bool FileStore::contains(const QString &sha256) const
{
    const QString path = blobPath(sha256);
    return !path.isEmpty() && QFileInfo::exists(path);
}

FileStore::Writer::Writer(const QString &templatePath)
    : m_file(templatePath)
{ }

bool FileStore::Writer::write(const char *data, qint64 size)
{
    if (size <= 0)
        return true;
    if (m_head.size() < sniffBytes)
        m_head.append(data, qMin<qint64>(size, sniffBytes - m_head.size()));
    m_hash.addData(QByteArrayView(data, size));
    m_size += size;
    return m_file.write(data, size) == size;
}

Result<QString> FileStore::Writer::finish()
{
    if (!m_file.flush())
        return fail(ErrorCode::Internal,
                    Messages::tr("Cannot write the upload: %1").arg(m_file.errorString()));
    return QString::fromLatin1(m_hash.result().toHex());
}

Result<std::unique_ptr<FileStore::Writer>> FileStore::createWriter() const
{
    const QString tmp = m_root + QStringLiteral("/tmp");
    if (!QDir().mkpath(tmp))
        return fail(ErrorCode::Internal, Messages::tr("Cannot create the folder %1.").arg(tmp));
    std::unique_ptr<Writer> writer(new Writer(tmp + QStringLiteral("/upload-XXXXXX")));
    if (!writer->m_file.open())
        return fail(ErrorCode::Internal,
                    Messages::tr("Cannot store the upload: %1").arg(writer->m_file.errorString()));
    return writer;
}

Result<bool> FileStore::adopt(Writer &writer, const QString &sha256) const
{
    const QString target = blobPath(sha256);
    if (target.isEmpty())
        return fail(ErrorCode::Internal, Messages::tr("Not a SHA-256: %1").arg(sha256));
    if (QFileInfo::exists(target)) {
        // The same bytes are here already; the temporary file goes with the writer. Renew the
        // blob's time so a sweep running now leaves it to the row about to reference it.
        QFile blob(target);
        if (blob.open(QIODevice::ReadWrite | QIODevice::ExistingOnly))
            blob.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime);
        return false;
    }
    if (!QDir().mkpath(QFileInfo(target).path()))
        return fail(ErrorCode::Internal,
                    Messages::tr("Cannot create the folder for %1.").arg(target));
    writer.m_file.close();
    // A rename in one file system is atomic: a reader sees the whole blob or none. Two uploads of
    // the same bytes racing here both end with one blob (the loser's rename fails, it exists).
    if (!writer.m_file.rename(target)) {
        if (QFileInfo::exists(target))
            return false; // another upload of the same bytes won the race
        return fail(ErrorCode::Internal,
                    Messages::tr("Cannot store the upload: %1").arg(writer.m_file.errorString()));
    }
    writer.m_file.setAutoRemove(false);
    QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

FileStore::Sweep FileStore::sweep(const std::function<bool(const QString &)> &referenced,
                                  std::chrono::seconds grace) const
{
    Sweep result;
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addSecs(-grace.count());
    QDirIterator it(m_root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        if (info.lastModified().toUTC() > cutoff)
            continue;
        const bool temporary = info.path() == m_root + QStringLiteral("/tmp");
        if (!temporary && (!isSha256(info.fileName()) || referenced(info.fileName())))
            continue;
        const qint64 size = info.size();
        if (QFile::remove(info.filePath())) {
            ++result.removed;
            result.bytes += size;
        }
    }
    return result;
}

} // namespace Lectern::Server
