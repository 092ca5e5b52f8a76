#pragma once

#include "files/fileservice.h"
#include "files/multipartreader.h"
#include "http/apiserver.h"

#include <QObject>
#include <QTimer>
#include <memory>
#include <optional>

class QTcpSocket;

namespace Lectern::Server {

// The answer for an error of the file services: the shared table's status, or the status of the
// codes only files use (415 for mime_mismatch and type_not_allowed, 411, 416).
ApiResponse fileErrorResponse(const Error &error);

// POST /api/v1/files/upload, read straight off the socket: Qt 6.4's HTTP server would hold the
// whole body in memory, so the listener hands such requests here unread. This reads the
// head, authenticates and checks the target before any of the body (so a refused upload is
// answered at once, and "Expect: 100-continue" clients never send it), then streams the body —
// raw or multipart/form-data, with Content-Length or chunked — to a temporary file in the store
// while hashing it, and answers with ApiServer's serialisation and Connection: close (the socket
// cannot go back to Qt's parser). Lives as a child of the socket.
class UploadReceiver : public QObject
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Server::UploadReceiver)

public:
    static void accept(QTcpSocket *socket, FileService &files,
                       const ApiServer::Authenticator &authenticate);

private:
    UploadReceiver(QTcpSocket *socket, FileService &files,
                   const ApiServer::Authenticator &authenticate);

    enum class State { Head, Body, Answered };

    void onReadyRead();
    bool readHead(); // false while the head is incomplete or after an answer
    void readBody();
    // Body bytes after transfer decoding.
    bool take(const char *data, qsizetype size);
    bool takeChunked(const char *data, qsizetype size);
    bool writeFileBytes(const char *data, qsizetype size);
    void complete();
    void answer(ApiResponse response);
    void answerError(const Error &error) { answer(fileErrorResponse(error)); }
    bool refuse(const Error &error)
    {
        answerError(error);
        return false;
    }

    QTcpSocket *m_socket;
    FileService &m_files;
    ApiServer::Authenticator m_authenticate;
    QTimer m_idle;
    State m_state = State::Head;
    qint64 m_startedNs = 0;
    ApiRequest m_request;

    qint64 m_contentLength = -1; // -1 with chunked transfer encoding
    qint64 m_bodyRead = 0; // bytes of the (encoded) body read off the socket
    bool m_bodyComplete = false;
    qint64 m_drained = 0;

    // Chunked transfer decoding.
    enum class Chunk { Size, Data, DataEnd, Trailer };
    Chunk m_chunkState = Chunk::Size;
    qint64 m_chunkLeft = 0;
    QByteArray m_chunkLine;

    std::unique_ptr<MultipartReader> m_multipart;
    bool m_inFilePart = false;
    bool m_sawFile = false;
    QByteArray m_fieldName;
    QHash<QByteArray, QByteArray> m_fields;

    std::unique_ptr<FileStore::Writer> m_writer;
    FileService::Upload m_upload;
};

} // namespace Lectern::Server
