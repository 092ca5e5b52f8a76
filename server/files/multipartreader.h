#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <functional>

namespace Lectern::Server {

// A multipart/form-data body (RFC 7578) read as it arrives: parts' headers are parsed whole
// (they are small), parts' content is handed on in pieces, so a large file part is never held.
class MultipartReader
{
public:
    struct Part
    {
        QHash<QByteArray, QByteArray> headers; // names in lower case
        QByteArray name; // from Content-Disposition
        QString fileName; // from Content-Disposition; empty for fields
        bool hasFileName = false;
    };
    // Each returns false to stop reading (the callee has decided on an answer).
    std::function<bool(const Part &part)> partBegins;
    std::function<bool(const char *data, qsizetype size)> partData;
    std::function<bool()> partEnds;

    explicit MultipartReader(const QByteArray &boundary);

    // The boundary parameter of a multipart/form-data Content-Type; empty when it is not one.
    static QByteArray boundaryOf(const QByteArray &contentType);

    // False when the body is malformed or a callback stopped; error() says which.
    bool feed(const char *data, qsizetype size);
    bool isComplete() const { return m_state == State::Done; }
    QString error() const { return m_error; }

private:
    enum class State { Preamble, AfterDelimiter, Headers, Content, Done };
    bool failWith(const QString &message);
    bool parseHeaders(const QByteArray &block);

    QByteArray m_delimiter; // "\r\n--boundary"
    QByteArray m_buffer;
    State m_state = State::Preamble;
    QString m_error;
};

} // namespace Lectern::Server
