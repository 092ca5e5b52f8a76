#pragma once

#include "http/router.h"

namespace Lectern::Server {

class AuthService;
class CourseService;
class OrganizationService;
class UserService;
class ServerContext;

// One function per resource: each parses and validates its requests, calls one service and turns
// the Result into a response. No SQL here (ARCHITECTURE.md).
void addHealthRoutes(Router &router, ServerContext &context);
void addAuthRoutes(Router &router, AuthService &auth);
void addOrganizationRoutes(Router &router, OrganizationService &organizations);
void addUserRoutes(Router &router, UserService &users);
void addCourseRoutes(Router &router, CourseService &courses);
// The OpenAPI document describing all of the above.
void addOpenApiRoute(Router &router);

} // namespace Lectern::Server
