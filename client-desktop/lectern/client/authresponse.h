#pragma once

#include <QJsonValue>
#include <lectern/organization.h>
#include <lectern/result.h>
#include <lectern/user.h>

namespace Lectern::Client {

// What /auth/login and /auth/refresh return: a token pair and who it belongs to.
struct AuthResponse
{
    QString accessToken;
    QString refreshToken;
    int expiresIn = 0; // seconds the access token is valid
    User user;
    Organization organization;

    static Result<AuthResponse> fromJson(const QJsonValue &data);
};

} // namespace Lectern::Client
