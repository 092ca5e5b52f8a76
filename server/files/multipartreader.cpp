#include "multipartreader.h"

#include <QUrl>

namespace Lectern::Server {

namespace {
constexpr qsizetype maxHeaderBlock = 16 * 1024;

// `key=value` parameters of a header value, values unquoted (RFC 7578 / RFC 6266).
QHash<QByteArray, QByteArray> parameters(const QByteArray &value)
{
    QHash<QByteArray, QByteArray> out;
    qsizetype i = value.indexOf(';');
    while (i >= 0 && i < value.size()) {
        ++i;
        while (i < value.size() && (value[i] == ' ' || value[i] == '\t'))
            ++i;
        const qsizetype eq = value.indexOf('=', i);
        if (eq < 0)
            break;
        const QByteArray key = value.mid(i, eq - i).trimmed().toLower();
        i = eq + 1;
        QByteArray v;
        if (i < value.size() && value[i] == '"') {
            ++i;
            while (i < value.size() && value[i] != '"') {
                if (value[i] == '\\' && i + 1 < value.size())
                    ++i;
                v += value[i++];
            }
            i = value.indexOf(';', i);
        } else {
            const qsizetype end = value.indexOf(';', i);
            v = value.mid(i, end < 0 ? -1 : end - i).trimmed();
            i = end;
        }
        out.insert(key, v);
    }
    return out;
}
} // namespace

MultipartReader::MultipartReader(const QByteArray &boundary)
    : m_delimiter("\r\n--" + boundary)
    // The first delimiter has no CRLF before it: pretend there was one.
    , m_buffer("\r\n")
{ }

QByteArray MultipartReader::boundaryOf(const QByteArray &contentType)
{
    if (contentType.split(';').first().trimmed().toLower() != "multipart/form-data")
        return {};
    const QByteArray boundary = parameters(contentType).value("boundary");
    return boundary.size() <= 70 ? boundary : QByteArray();
}

bool MultipartReader::failWith(const QString &message)
{
    m_error = message;
    m_state = State::Done;
    return false;
}

bool MultipartReader::parseHeaders(const QByteArray &block)
{
    Part part;
    for (const QByteArray &line : block.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        part.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    const QByteArray disposition = part.headers.value("content-disposition");
    if (!disposition.trimmed().toLower().startsWith("form-data"))
        return failWith(QStringLiteral("A part has no Content-Disposition: form-data."));
    const auto params = parameters(disposition);
    part.name = params.value("name");
    if (params.contains("filename*")) {
        // RFC 5987: UTF-8''percent-encoded
        const QByteArray v = params.value("filename*");
        const qsizetype quote = v.indexOf("''");
        part.fileName = QUrl::fromPercentEncoding(quote < 0 ? v : v.mid(quote + 2));
        part.hasFileName = true;
    } else if (params.contains("filename")) {
        part.fileName = QString::fromUtf8(params.value("filename"));
        part.hasFileName = true;
    }
    return partBegins(part);
}

bool MultipartReader::feed(const char *data, qsizetype size)
{
    if (m_state == State::Done)
        return m_error.isEmpty();
    m_buffer.append(data, size);
    for (;;) {
        switch (m_state) {
        case State::Preamble: {
            const qsizetype at = m_buffer.indexOf(m_delimiter);
            if (at < 0) {
                // Keep only what could be the start of a delimiter.
                m_buffer = m_buffer.right(m_delimiter.size() - 1);
                return true;
            }
            m_buffer.remove(0, at + m_delimiter.size());
            m_state = State::AfterDelimiter;
            break;
        }
        case State::AfterDelimiter: {
            if (m_buffer.size() < 2)
                return true;
            if (m_buffer.startsWith("--")) {
                m_state = State::Done;
                m_buffer.clear();
                return true;
            }
            const qsizetype eol = m_buffer.indexOf("\r\n");
            if (eol < 0) {
                if (m_buffer.size() > 256)
                    return failWith(QStringLiteral("A boundary line is malformed."));
                return true;
            }
            // Transport padding (spaces, tabs) may follow a delimiter.
            if (!m_buffer.left(eol).trimmed().isEmpty())
                return failWith(QStringLiteral("A boundary line is malformed."));
            m_buffer.remove(0, eol + 2);
            m_state = State::Headers;
            break;
        }
        case State::Headers: {
            qsizetype end = m_buffer.indexOf("\r\n\r\n");
            qsizetype skip = 4;
            if (m_buffer.startsWith("\r\n")) { // a part without headers
                end = 0;
                skip = 2;
            }
            if (end < 0) {
                if (m_buffer.size() > maxHeaderBlock)
                    return failWith(QStringLiteral("A part's headers are too large."));
                return true;
            }
            const QByteArray block = m_buffer.left(end);
            m_buffer.remove(0, end + skip);
            m_state = State::Content;
            if (!parseHeaders(block))
                return false;
            break;
        }
        case State::Content: {
            const qsizetype at = m_buffer.indexOf(m_delimiter);
            if (at < 0) {
                // Everything but a possible partial delimiter at the end is content.
                const qsizetype safe = m_buffer.size() - (m_delimiter.size() - 1);
                if (safe > 0) {
                    if (!partData(m_buffer.constData(), safe))
                        return false;
                    m_buffer.remove(0, safe);
                }
                return true;
            }
            if (at > 0 && !partData(m_buffer.constData(), at))
                return false;
            m_buffer.remove(0, at + m_delimiter.size());
            m_state = State::AfterDelimiter;
            if (!partEnds())
                return false;
            break;
        }
        case State::Done:
            return true; // the epilogue is ignored
        }
    }
}

} // namespace Lectern::Server
