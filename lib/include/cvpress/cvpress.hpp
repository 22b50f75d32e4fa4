#pragma once
/// @file cvpress.hpp
/// Convenience header: the whole public API.

#include <cvpress/backend.hpp>
#include <cvpress/batch.hpp>
#include <cvpress/diagnostics.hpp>
#include <cvpress/doctor.hpp>
#include <cvpress/exit_code.hpp>
#include <cvpress/export.hpp>
#include <cvpress/files.hpp>
#include <cvpress/job.hpp>
#include <cvpress/load.hpp>
#include <cvpress/model.hpp>
#include <cvpress/mojibake.hpp>
#include <cvpress/schema.hpp>
#include <cvpress/preview.hpp>
#include <cvpress/style.hpp>
#include <cvpress/version.hpp>
#include <cvpress/watch.hpp>
