#pragma once

#include <QHostAddress>
#include <QList>
#include <lectern/result.h>

namespace Lectern::Server {

// Who a request comes from, as the limits see it. Behind a reverse proxy the socket's peer is the
// proxy: then, and only when the peer is one of the operator's trusted proxies, the client is
// the last address in X-Forwarded-For that is not itself a trusted proxy. Anyone else's
// X-Forwarded-For is ignored, so a client cannot choose its own address.
namespace ClientAddress {

using Subnet = std::pair<QHostAddress, int>; // QHostAddress::parseSubnet's shape

// IPv4-mapped IPv6 addresses (::ffff:192.0.2.1) as the IPv4 address they are.
QHostAddress normalized(const QHostAddress &address);

// `forwardedFor` is every X-Forwarded-For value of the request, joined with commas.
QHostAddress resolve(const QHostAddress &peer, const QByteArray &forwardedFor,
                     const QList<Subnet> &trustedProxies);

// What per-address limits count by: an IPv4 address as it is, an IPv6 address by its /64 (one
// home or device is usually given a whole /64, and can change addresses inside it at will).
QString limitKey(const QHostAddress &address);
QString limitKey(const QString &address);

// "10.0.0.0/8, 192.0.2.7, fd00::/8": addresses or CIDR subnets, separated by commas or spaces.
Result<QList<Subnet>> parseSubnets(const QString &text);

} // namespace ClientAddress

} // namespace Lectern::Server
