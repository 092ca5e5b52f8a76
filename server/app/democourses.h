#pragma once

#include <lectern/result.h>

namespace Lectern::Server {

class ServerContext;

// A small course catalogue for the demo organisation, from resources/demo/demo-courses.json:
// published and draft courses with modules, lessons, a link, a video, a draft item and a module
// that unlocks a week after it is made, and the demo accounts enrolled in them. Written through
// RecordStore and the enrollment rules, like any course, so it syncs and searches like one.
// Needs the demo organisation and accounts (DemoData) first.
class DemoCourses
{
public:
    // Creates each demo course whose code the demo organisation has never had (a course someone
    // deleted stays deleted); touches nothing else. Answers how many courses it created.
    static Result<int> ensure(ServerContext &context);
};

} // namespace Lectern::Server
