#pragma once

#include <lectern/result.h>

namespace Lectern::Server {

class OrganizationService;
class UserService;

// The demo organisation (slug "demo", "Demo Academy") and its accounts, from
// resources/demo/demo.json. Scripts and outside tests rely on exactly these logins.
class DemoData
{
public:
    // Creates whatever of the demo data is missing; leaves existing records alone.
    static Result<void> ensure(OrganizationService &organizations, UserService &users);
    static QString password();
};

} // namespace Lectern::Server
