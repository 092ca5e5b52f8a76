#include "clientaddress.h"

#include <QCoreApplication>

namespace Lectern::Server::ClientAddress {

namespace {
struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Server::ClientAddress)
};

bool isTrusted(const QHostAddress &address, const QList<Subnet> &trustedProxies)
{
    for (const Subnet &subnet : trustedProxies) {
        if (address.isInSubnet(subnet))
            return true;
    }
    return false;
}

// One X-Forwarded-For entry: "192.0.2.1", "2001:db8::1", "[2001:db8::1]:443", "192.0.2.1:80".
QHostAddress parseHop(QByteArray hop)
{
    hop = hop.trimmed();
    if (hop.startsWith('[')) {
        const qsizetype end = hop.indexOf(']');
        hop = end > 0 ? hop.mid(1, end - 1) : QByteArray();
    } else if (hop.count(':') == 1) {
        hop = hop.left(hop.indexOf(':'));
    }
    QHostAddress address;
    if (hop.isEmpty() || !address.setAddress(QString::fromLatin1(hop)))
        return {};
    return normalized(address);
}
} // namespace

QHostAddress normalized(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        return QHostAddress(v4);
    QHostAddress plain = address;
    plain.setScopeId(QString());
    return plain;
}

QHostAddress resolve(const QHostAddress &peer, const QByteArray &forwardedFor,
                     const QList<Subnet> &trustedProxies)
{
    QHostAddress client = normalized(peer);
    if (forwardedFor.isEmpty() || !isTrusted(client, trustedProxies))
        return client;
    // Each proxy appends the address it was reached from: read from the right, through our own
    // proxies, to the first hop we did not put there.
    const QList<QByteArray> hops = forwardedFor.split(',');
    for (qsizetype i = hops.size() - 1; i >= 0; --i) {
        const QHostAddress hop = parseHop(hops[i]);
        if (hop.isNull())
            return client; // garbage from here on: the last hop we could read is the client
        client = hop;
        if (!isTrusted(hop, trustedProxies))
            return client;
    }
    return client;
}

QString limitKey(const QHostAddress &address)
{
    const QHostAddress plain = normalized(address);
    if (plain.protocol() != QAbstractSocket::IPv6Protocol)
        return plain.toString();
    Q_IPV6ADDR bytes = plain.toIPv6Address();
    for (int i = 8; i < 16; ++i)
        bytes[i] = 0;
    return QHostAddress(bytes).toString() + QStringLiteral("/64");
}

QString limitKey(const QString &address)
{
    QHostAddress parsed;
    if (!parsed.setAddress(address))
        return address;
    return limitKey(parsed);
}

Result<QList<Subnet>> parseSubnets(const QString &text)
{
    QList<Subnet> subnets;
    const QStringList parts = QString(text).replace(u',', u' ').split(u' ', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        Subnet subnet = QHostAddress::parseSubnet(part);
        if (subnet.first.isNull()) {
            QHostAddress single;
            if (!single.setAddress(part))
                return fail(ErrorCode::BadRequest,
                            Messages::tr("'%1' is not an IP address or a subnet such as "
                                         "10.0.0.0/8")
                                .arg(part));
            single = normalized(single);
            subnet = {single, single.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32};
        }
        subnets.append(subnet);
    }
    return subnets;
}

} // namespace Lectern::Server::ClientAddress
