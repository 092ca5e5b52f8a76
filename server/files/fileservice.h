#pragma once

#include "core/servicecontext.h"
#include "files/filestore.h"
#include "files/uploadpolicy.h"
#include "services/caller.h"
#include "storage/recordstore.h"

#include <QCoreApplication>

namespace Lectern::Server {

// Uploaded files: who may upload where, the metadata rows (through RecordStore, so they bump
// revisions and feed the change sequence) and who may read them.
//
// Access: a file of a course (access "course") is for those who may see the course (CourseAccess:
// students only when enrolled and the course is published); access "organization" is for everyone
// in the uploader's organisation. Uploading to a course needs edit rights there; organisation
// files without a course are for admins and instructors. Anything else is 404.
//
// The same bytes are stored once (FileStore); each upload still gets its own metadata row, since
// name, course, access and uploader are the upload's, and deleting one must not touch the other.
class FileService
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Server::FileService)

public:
    explicit FileService(ServiceContext &context);

    const FileStore &store() const { return m_store; }
    const UploadPolicy &policy() const { return m_policy; }
    qint64 maxUploadBytes() const;

    struct Target
    {
        QString courseId; // empty for an organisation file
        QString access; // "course" or "organization"
    };
    // Where an upload goes, checked before its body is read: empty `access` means "course" with a
    // course and "organization" without.
    Result<Target> checkTarget(const Caller &caller, const QString &courseId,
                               const QString &access);

    struct Upload
    {
        QString name; // as the client sent it; sanitised here
        QString declaredType; // Content-Type of the body or of the multipart part
    };
    // Decides the type from the bytes, moves them into the store and writes the metadata row.
    Result<Record> store(const Caller &caller, const Target &target, FileStore::Writer &writer,
                         const Upload &upload);

    Result<Record> get(const Caller &caller, const QString &id);

    struct Download
    {
        Record record;
        QString path;
        qint64 size = 0;
    };
    Result<Download> download(const Caller &caller, const QString &id);

    // Deletes (tombstones) a file's row: course editors for course files, admins and the uploader
    // for organisation files. The bytes go at the next sweep once no live row references them.
    Result<void> remove(const Caller &caller, const QString &id);
    // Removes blobs no live row references, stored longer than `grace` ago.
    Result<FileStore::Sweep> sweepBlobs(std::chrono::seconds grace = std::chrono::hours(1));

private:
    Result<Record> visibleFile(Transaction &tx, const Caller &caller, const QString &id);

    ServiceContext &m_context;
    FileStore m_store;
    UploadPolicy m_policy;
};

} // namespace Lectern::Server
