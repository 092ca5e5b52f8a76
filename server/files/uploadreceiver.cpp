#include "uploadreceiver.h"

#include "core/logging.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QUrl>
#include <lectern/validation.h>

namespace Lectern::Server {

namespace {
constexpr qsizetype maxHeadBytes = 64 * 1024;
constexpr qsizetype readPiece = 256 * 1024;
// The socket buffers at most this much ahead of the disk (back-pressure on a fast client).
constexpr qint64 socketBufferBytes = 1024 * 1024;
// Room for the multipart framing around a file of the maximum size.
constexpr qint64 multipartSlack = 64 * 1024;
constexpr qsizetype maxFieldBytes = 1024;
constexpr int idleTimeoutMs = 60 * 1000;
// After an early answer, swallow what the client still sends for a while, so it reads the
// answer instead of a reset (as HttpConnection does).
constexpr int lingerMs = 3000;
constexpr qint64 maxDrainBytes = 16 * 1024 * 1024;

QString clientAddress(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : address.toString();
}

Error badRequest(const QString &message)
{
    return fail(ErrorCode::BadRequest, message);
}
} // namespace

ApiResponse fileErrorResponse(const Error &error)
{
    return ApiResponse::error(error); // statuses come from the one table in apiresponse.cpp
}

void UploadReceiver::accept(QTcpSocket *socket, FileService &files,
                            const ApiServer::Authenticator &authenticate)
{
    auto *receiver = new UploadReceiver(socket, files, authenticate);
    receiver->onReadyRead(); // the request line is waiting already
}

UploadReceiver::UploadReceiver(QTcpSocket *socket, FileService &files,
                               const ApiServer::Authenticator &authenticate)
    : QObject(socket)
    , m_socket(socket)
    , m_files(files)
    , m_authenticate(authenticate)
{
    m_startedNs = ApiServer::monotonicNs();
    m_socket->setReadBufferSize(socketBufferBytes);
    connect(m_socket, &QTcpSocket::readyRead, this, &UploadReceiver::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        if (m_state != State::Answered) {
            qCInfo(lcHttp).noquote() << "upload abandoned by the client after" << m_bodyRead
                                     << "bytes" << m_request.requestId;
            m_state = State::Answered;
            m_writer.reset();
        }
    });
    m_idle.setSingleShot(true);
    m_idle.setInterval(idleTimeoutMs);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        if (m_state == State::Answered) {
            m_socket->disconnectFromHost();
            return;
        }
        qCInfo(lcHttp).noquote() << "upload timed out" << m_request.requestId;
        m_state = State::Answered;
        m_writer.reset();
        m_socket->abort();
    });
    m_idle.start();
}

void UploadReceiver::onReadyRead()
{
    if (m_state == State::Answered) {
        const qint64 drained = m_socket->skip(m_socket->bytesAvailable());
        m_drained += qMax<qint64>(0, drained);
        if (m_drained > maxDrainBytes)
            m_socket->abort();
        return;
    }
    m_idle.start();
    if (m_state == State::Head && !readHead())
        return;
    if (m_state == State::Body)
        readBody();
}

bool UploadReceiver::readHead()
{
    const QByteArray peeked = m_socket->peek(maxHeadBytes + 4);
    const qsizetype end = peeked.indexOf("\r\n\r\n");
    if (end < 0) {
        if (peeked.size() > maxHeadBytes) {
            m_request.requestId = ApiServer::requestIdFor({});
            ApiResponse tooLarge = ApiResponse::error(
                fail(ErrorCode::BadRequest, tr("The request headers are too large.")));
            tooLarge.status = 431;
            answer(tooLarge);
        }
        return false;
    }
    const QByteArray head = m_socket->read(end + 4);
    const QList<QByteArray> lines = head.left(end).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    const QByteArray target = requestLine.value(1);
    const qsizetype question = target.indexOf('?');
    m_request.method = requestLine.value(0);
    m_request.path = QString::fromUtf8(question < 0 ? target : target.left(question));
    if (question >= 0)
        m_request.query = QUrlQuery(QString::fromUtf8(target.mid(question + 1)));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            m_request.headers.insert(line.left(colon).trimmed().toLower(),
                                     line.mid(colon + 1).trimmed());
    }
    m_request.address = clientAddress(m_socket->peerAddress());
    m_request.requestId = ApiServer::requestIdFor(m_request.header("x-request-id"));

    const QByteArray transferEncoding = m_request.header("transfer-encoding").toLower();
    const QByteArray lengthHeader = m_request.header("content-length");
    const qint64 max = m_files.maxUploadBytes();
    bool lengthOk = false;
    m_contentLength = lengthHeader.toLongLong(&lengthOk);
    const QByteArray contentType = m_request.header("content-type");
    const QByteArray boundary = MultipartReader::boundaryOf(contentType);

    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1."))
        return refuse(badRequest(tr("The request line is malformed.")));
    if (!transferEncoding.isEmpty()) {
        if (transferEncoding != "chunked")
            return refuse(badRequest(tr("Only chunked transfer encoding is understood.")));
        m_contentLength = -1;
    } else if (lengthHeader.isEmpty()) {
        return refuse(fail(ErrorCode::LengthRequired,
                           tr("Send the upload with a Content-Length (or chunked).")));
    } else if (!lengthOk || m_contentLength < 0) {
        return refuse(badRequest(tr("The Content-Length is not a number.")));
    }
    if (m_contentLength > max + (boundary.isEmpty() ? 0 : multipartSlack))
        return refuse(fail(ErrorCode::PayloadTooLarge,
                           tr("The file is larger than %1 bytes.").arg(max),
                           {{QStringLiteral("maxBytes"), max}}));

    auto caller = m_authenticate(m_request.header("authorization"));
    if (!caller)
        return refuse(caller.error());
    m_request.caller = *caller;

    if (contentType.toLower().startsWith("multipart/")) {
        if (boundary.isEmpty())
            return refuse(fail(ErrorCode::UnsupportedMediaType,
                               tr("Send multipart/form-data with a boundary, or the file's "
                                  "bytes as the body.")));
        m_multipart = std::make_unique<MultipartReader>(boundary);
        m_multipart->partBegins = [this](const MultipartReader::Part &part) {
            if (part.name == "file") {
                if (m_sawFile) {
                    answerError(badRequest(tr("Send one file per upload.")));
                    return false;
                }
                m_sawFile = m_inFilePart = true;
                m_upload.declaredType = QString::fromLatin1(part.headers.value("content-type"));
                m_upload.name = part.fileName;
                return true;
            }
            m_fieldName = part.name;
            m_fields.insert(m_fieldName, QByteArray());
            return true;
        };
        m_multipart->partData = [this](const char *data, qsizetype size) {
            if (m_inFilePart)
                return writeFileBytes(data, size);
            QByteArray &value = m_fields[m_fieldName];
            if (value.size() + size > maxFieldBytes) {
                answerError(badRequest(
                    tr("The form field %1 is too long.").arg(QString::fromUtf8(m_fieldName))));
                return false;
            }
            value.append(data, size);
            return true;
        };
        m_multipart->partEnds = [this] {
            m_inFilePart = false;
            return true;
        };
    } else {
        m_upload.declaredType = QString::fromLatin1(contentType);
        const QByteArray headerName = m_request.header("x-file-name");
        m_upload.name = !headerName.isEmpty()
            ? QUrl::fromPercentEncoding(headerName)
            : m_request.query.queryItemValue(QStringLiteral("name"), QUrl::FullyDecoded);
    }

    // Refuse before the body when the query already names the target. Multipart fields may name
    // it later; complete() checks again either way.
    const QString courseId
        = m_request.query.queryItemValue(QStringLiteral("courseId"), QUrl::FullyDecoded);
    const QString access
        = m_request.query.queryItemValue(QStringLiteral("access"), QUrl::FullyDecoded);
    if (!m_multipart || !courseId.isEmpty() || !access.isEmpty()) {
        if (auto target = m_files.checkTarget(*caller, courseId, access); !target)
            return refuse(target.error());
    }

    auto writer = m_files.store().createWriter();
    if (!writer)
        return refuse(writer.error());
    m_writer = std::move(*writer);
    if (m_request.header("expect").toLower() == "100-continue")
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    m_state = State::Body;
    if (m_contentLength == 0)
        complete();
    return m_state == State::Body;
}

void UploadReceiver::readBody()
{
    QByteArray piece;
    while (m_state == State::Body && m_socket->bytesAvailable() > 0) {
        qint64 want = readPiece;
        if (m_contentLength >= 0)
            want = qMin(want, m_contentLength - m_bodyRead);
        piece.resize(want);
        const qint64 n = m_socket->read(piece.data(), want);
        if (n <= 0)
            return;
        m_bodyRead += n;
        const bool ok
            = m_contentLength >= 0 ? take(piece.constData(), n) : takeChunked(piece.constData(), n);
        if (!ok)
            return;
        if (m_contentLength >= 0 && m_bodyRead == m_contentLength)
            m_bodyComplete = true;
        if (m_bodyComplete) {
            complete();
            return;
        }
    }
}

bool UploadReceiver::take(const char *data, qsizetype size)
{
    if (!m_multipart)
        return writeFileBytes(data, size);
    if (!m_multipart->feed(data, size)) {
        if (m_state != State::Answered)
            answerError(
                badRequest(tr("The multipart body is malformed: %1").arg(m_multipart->error())));
        return false;
    }
    return true;
}

// RFC 9112 section 7.1: hex size line (extensions ignored), data, CRLF; a zero size, optional
// trailer lines and an empty line end the body.
bool UploadReceiver::takeChunked(const char *data, qsizetype size)
{
    qsizetype i = 0;
    while (i < size) {
        switch (m_chunkState) {
        case Chunk::Size:
        case Chunk::DataEnd:
        case Chunk::Trailer: {
            const char *nl = static_cast<const char *>(memchr(data + i, '\n', size_t(size - i)));
            const qsizetype take = nl ? (nl - (data + i)) + 1 : size - i;
            m_chunkLine.append(data + i, take);
            i += take;
            if (m_chunkLine.size() > 4096)
                return refuse(badRequest(tr("A chunk header is too long.")));
            if (!nl)
                return true;
            const QByteArray line = std::exchange(m_chunkLine, {}).trimmed();
            if (m_chunkState == Chunk::DataEnd) {
                if (!line.isEmpty())
                    return refuse(badRequest(tr("A chunk does not end with CRLF.")));
                m_chunkState = Chunk::Size;
            } else if (m_chunkState == Chunk::Trailer) {
                if (line.isEmpty()) {
                    m_bodyComplete = true;
                    return true;
                }
            } else {
                bool ok = false;
                const QByteArray hex = line.split(';').first().trimmed();
                m_chunkLeft = hex.toLongLong(&ok, 16);
                if (!ok || hex.size() > 15 || m_chunkLeft < 0)
                    return refuse(badRequest(tr("A chunk size is malformed.")));
                m_chunkState = m_chunkLeft == 0 ? Chunk::Trailer : Chunk::Data;
            }
            break;
        }
        case Chunk::Data: {
            const qsizetype n = qsizetype(qMin<qint64>(m_chunkLeft, size - i));
            if (!take(data + i, n))
                return false;
            i += n;
            m_chunkLeft -= n;
            if (m_chunkLeft == 0)
                m_chunkState = Chunk::DataEnd;
            break;
        }
        }
    }
    return true;
}

bool UploadReceiver::writeFileBytes(const char *data, qsizetype size)
{
    if (m_writer->size() + size > m_files.maxUploadBytes()) {
        answerError(fail(ErrorCode::PayloadTooLarge,
                         tr("The file is larger than %1 bytes.").arg(m_files.maxUploadBytes()),
                         {{QStringLiteral("maxBytes"), m_files.maxUploadBytes()}}));
        return false;
    }
    if (!m_writer->write(data, size)) {
        qCWarning(lcHttp).noquote() << "cannot write an upload:" << m_writer->errorString();
        answerError(fail(ErrorCode::Internal,
                         tr("The server could not store the file. It has been logged.")));
        return false;
    }
    return true;
}

void UploadReceiver::complete()
{
    m_bodyComplete = true;
    QString courseId
        = m_request.query.queryItemValue(QStringLiteral("courseId"), QUrl::FullyDecoded);
    QString access = m_request.query.queryItemValue(QStringLiteral("access"), QUrl::FullyDecoded);
    if (m_multipart) {
        if (!m_multipart->isComplete())
            return answerError(
                badRequest(tr("The multipart body ended before its last boundary.")));
        if (!m_sawFile) {
            ValidationErrors errors;
            errors.add(QStringLiteral("file"), tr("is required (a form part named \"file\")"));
            return answerError(errors.toError());
        }
        if (m_fields.contains("courseId"))
            courseId = QString::fromUtf8(m_fields.value("courseId"));
        if (m_fields.contains("access"))
            access = QString::fromUtf8(m_fields.value("access"));
        if (m_fields.contains("name"))
            m_upload.name = QString::fromUtf8(m_fields.value("name"));
    }
    const Caller &caller = m_request.user();
    auto target = m_files.checkTarget(caller, courseId, access);
    if (!target)
        return answerError(target.error());
    auto record = m_files.store(caller, *target, *m_writer, m_upload);
    if (!record)
        return answerError(record.error());
    Record data = *record;
    data.insert(QStringLiteral("downloadUrl"),
                QStringLiteral("/api/v1/files/%1/download").arg(data.value(u"id").toString()));
    answer(ApiResponse::created(data));
}

void UploadReceiver::answer(ApiResponse response)
{
    if (m_state == State::Answered)
        return;
    m_state = State::Answered;
    m_writer.reset(); // an adopted file has moved; anything else is removed
    ApiServer::concealInternalError(m_request, response);
    m_socket->write(ApiServer::serialize(m_request, response, true));
    ApiServer::logRequest(m_request, response, m_startedNs);
    if (m_bodyComplete) {
        m_socket->disconnectFromHost(); // after the answer is flushed
        return;
    }
    // Answered early: the client may still be sending the body it announced.
    m_idle.start(lingerMs);
    m_socket->skip(m_socket->bytesAvailable());
}

} // namespace Lectern::Server
