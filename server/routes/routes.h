#pragma once

#include "http/router.h"

namespace Lectern::Server {

class AuthService;
class CourseService;
class RecordService;
class FileService;
class CohortService;
class EnrollmentService;
class OrganizationService;
class ProgressService;
class SearchService;
class SyncService;
class UserService;
class ServerContext;

// One function per resource: each parses and validates its requests, calls one service and turns
// the Result into a response. No SQL here (docs/architecture.md, "Layers").
void addHealthRoutes(Router &router, ServerContext &context);
void addAuthRoutes(Router &router, AuthService &auth);
void addOrganizationRoutes(Router &router, OrganizationService &organizations);
void addUserRoutes(Router &router, UserService &users);
// The course list and the course with its outline are served through context.responses().
void addCourseRoutes(Router &router, CourseService &courses, ServerContext &context);
// The generic REST door of every registry record that declares `genericRest`: GET, PUT and
// DELETE /api/v1/<restPath>/:id, GET and POST /api/v1/<parent's restPath>/:id/<restPath>.
void addRecordRoutes(Router &router, RecordService &records);
// Metadata and download; the upload itself is read by UploadReceiver (see Server).
void addFileRoutes(Router &router, FileService &files);
void addSearchRoutes(Router &router, SearchService &search);
void addEnrollmentRoutes(Router &router, EnrollmentService &enrollments, CohortService &cohorts);
// Sync (docs/architecture.md, "The sync model"): push, pull and the conflict inbox.
void addSyncRoutes(Router &router, SyncService &sync);
// Learners' progress events and the summaries derived from them.
void addProgressRoutes(Router &router, ProgressService &progress);
// GET /api/v1/ws: the WebSocket handshake goes to the EventHub; plain requests get 426.
void addEventRoutes(Router &router);
// The OpenAPI document describing all of the above.
void addOpenApiRoute(Router &router);

} // namespace Lectern::Server
