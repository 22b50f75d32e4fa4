#pragma once
// Fixture for tests/layers: base/ including a jobs header must be refused.
#include "jobs/job_internals.hpp"
