#include "fileservice.h"

#include "core/logging.h"
#include "services/courseaccess.h"

#include <QFileInfo>
#include <QSet>
#include <QMimeDatabase>
#include <lectern/uuidv7.h>
#include <lectern/validation.h>

namespace Lectern::Server {

namespace {
Error noSuchFile()
{
    return fail(ErrorCode::NotFound, FileService::tr("There is no such file."));
}
} // namespace

FileService::FileService(ServiceContext &context)
    : m_context(context)
    , m_store(context.config().dataDir)
    , m_policy(context.config().uploadTypes)
{ }

qint64 FileService::maxUploadBytes() const
{
    return m_context.config().maxUploadBytes;
}

Result<FileService::Target> FileService::checkTarget(const Caller &caller, const QString &courseId,
                                                     const QString &access)
{
    Target target;
    target.courseId = courseId.trimmed().toLower();
    target.access = access.trimmed().toLower();
    if (target.access.isEmpty())
        target.access
            = target.courseId.isEmpty() ? QStringLiteral("organization") : QStringLiteral("course");
    ValidationErrors errors;
    if (!Entities::file().field(QStringLiteral("access"))->values.contains(target.access))
        errors.add(QStringLiteral("access"), tr("must be course or organization"));
    if (!target.courseId.isEmpty() && !isUuidString(target.courseId))
        errors.add(QStringLiteral("courseId"), tr("must be a UUID"));
    if (target.access == u"course" && target.courseId.isEmpty())
        errors.add(QStringLiteral("courseId"), tr("is required for a course file"));
    if (!errors.isEmpty())
        return errors.toError();

    if (target.courseId.isEmpty()) {
        if (!caller.isAdmin() && !caller.has(Role::Instructor))
            return fail(ErrorCode::Forbidden,
                        tr("Only administrators and instructors can upload files for the whole "
                           "organisation."));
        return target;
    }
    Transaction tx(m_context.db(), Transaction::Read);
    if (!tx.isOk())
        return tx.error();
    auto course = CourseAccess::of(tx, caller, target.courseId);
    if (!course)
        return course.error();
    if (!course->canSee())
        return fail(ErrorCode::NotFound, tr("There is no such course."));
    if (!course->canEdit())
        return fail(ErrorCode::Forbidden,
                    tr("Only the course's instructors, its teaching assistants and "
                       "administrators can add files to it."));
    return target;
}

Result<Record> FileService::store(const Caller &caller, const Target &target,
                                  FileStore::Writer &writer, const Upload &upload)
{
    if (writer.size() == 0) {
        ValidationErrors errors;
        errors.add(QStringLiteral("file"), tr("is empty"));
        return errors.toError();
    }
    QString name = UploadPolicy::sanitizeFileName(upload.name);
    auto type = m_policy.decideType(writer.head(), name, upload.declaredType);
    if (!type)
        return type.error();
    if (name.isEmpty() || !name.contains(u'.')) {
        // A name that said nothing usable: call it after its type, so it opens in the right app.
        const QString suffix = QMimeDatabase().mimeTypeForName(*type).preferredSuffix();
        if (name.isEmpty())
            name = QStringLiteral("file");
        if (!suffix.isEmpty())
            name += u'.' + suffix;
    }
    auto sha = writer.finish();
    if (!sha)
        return sha.error();

    // The blob first: if the row then fails, an unreferenced blob is harmless (and is the same
    // bytes a later upload would store); a row without its blob would not be.
    if (auto adopted = m_store.adopt(writer, *sha); !adopted)
        return adopted.error();

    Transaction tx(m_context.db(), Transaction::Write);
    if (!tx.isOk())
        return tx.error();
    // Checked again in the transaction that writes: the upload took time, rights may have gone.
    if (!target.courseId.isEmpty()) {
        auto course = CourseAccess::of(tx, caller, target.courseId);
        if (!course)
            return course.error();
        if (!course->canEdit())
            return fail(ErrorCode::NotFound, tr("There is no such course."));
    }
    QJsonObject fields {{QStringLiteral("sha256"), *sha},
                        {QStringLiteral("size"), writer.size()},
                        {QStringLiteral("mimeType"), *type},
                        {QStringLiteral("originalName"), name},
                        {QStringLiteral("uploaderId"), caller.userId},
                        {QStringLiteral("access"), target.access}};
    if (!target.courseId.isEmpty())
        fields.insert(QStringLiteral("courseId"), target.courseId);
    auto record = RecordStore::insert(tx, m_context.clock(), Entities::file(), caller.orgId,
                                      createUuidV7String(), fields);
    if (!record)
        return record.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return *record;
}

Result<Record> FileService::visibleFile(Transaction &tx, const Caller &caller, const QString &id)
{
    if (!isUuidString(id))
        return noSuchFile();
    auto file = RecordStore::get(tx, Entities::file(), id.toLower());
    if (!file)
        return file.error();
    if (!*file || (*file)->value(u"orgId").toString() != caller.orgId)
        return noSuchFile();
    const Record &record = **file;
    if (record.value(u"access").toString() == u"organization")
        return record;
    const QString courseId = record.value(u"courseId").toString();
    if (courseId.isEmpty())
        return noSuchFile();
    auto course = CourseAccess::of(tx, caller, courseId);
    if (!course)
        return course.error();
    if (!course->canSee())
        return noSuchFile();
    return record;
}

Result<Record> FileService::get(const Caller &caller, const QString &id)
{
    Transaction tx(m_context.db(), Transaction::Read);
    if (!tx.isOk())
        return tx.error();
    return visibleFile(tx, caller, id);
}

Result<FileService::Download> FileService::download(const Caller &caller, const QString &id)
{
    auto record = get(caller, id);
    if (!record)
        return record.error();
    Download download;
    download.record = *record;
    download.path = m_store.blobPath(record->value(u"sha256").toString());
    const QFileInfo info(download.path);
    if (download.path.isEmpty() || !info.exists()) {
        qCWarning(lcServer).noquote() << "file" << id << "has no blob at" << download.path;
        return fail(ErrorCode::Internal,
                    tr("The file's content is missing from the store. It has been logged."));
    }
    download.size = info.size();
    return download;
}

Result<void> FileService::remove(const Caller &caller, const QString &id)
{
    Transaction tx(m_context.db(), Transaction::Write);
    if (!tx.isOk())
        return tx.error();
    auto record = visibleFile(tx, caller, id);
    if (!record)
        return record.error();
    const QString courseId = record->value(u"courseId").toString();
    bool allowed = false;
    if (!courseId.isEmpty()) {
        auto course = CourseAccess::of(tx, caller, courseId);
        if (!course)
            return course.error();
        allowed = course->canEdit();
    } else {
        allowed = caller.isAdmin() || record->value(u"uploaderId").toString() == caller.userId;
    }
    if (!allowed)
        return fail(ErrorCode::Forbidden, tr("Only the course's teachers can delete its files."));
    if (auto r = RecordStore::tombstone(tx, m_context.clock(), Entities::file(), *record); !r)
        return r.error();
    return tx.commit();
}

Result<FileStore::Sweep> FileService::sweepBlobs(std::chrono::seconds grace)
{
    QSet<QString> live;
    {
        Transaction tx(m_context.db(), Transaction::Read);
        if (!tx.isOk())
            return tx.error();
        auto q = tx.query(QStringLiteral("SELECT DISTINCT sha256 FROM files WHERE deleted = 0"));
        if (auto r = q.exec(); !r)
            return r.error();
        while (q.next())
            live.insert(q.text(0));
    }
    // A row committed after the read above references a blob adopt() just renewed, which the
    // grace period protects.
    const FileStore::Sweep swept
        = m_store.sweep([&live](const QString &sha) { return live.contains(sha); }, grace);
    if (swept.removed > 0)
        qCInfo(lcServer).noquote() << "swept" << swept.removed << "unreferenced blobs,"
                                   << swept.bytes << "bytes";
    return swept;
}

} // namespace Lectern::Server
