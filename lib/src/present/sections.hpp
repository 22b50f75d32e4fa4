#pragma once
// Entry order (settings.sort), shared by every backend so that all outputs
// list entries in the same order.
#include <cvpress/model.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cvpress::detail {

/// The order settings.sort gives a section: the rule naming it, else the
/// rule for every section (`sort: ORDER`), else SortOrder::none.
[[nodiscard]] SortOrder sort_order(const Settings& settings, const Section& section);

/// The text an entry is sorted by alphabetically: the institution
/// (education), company (experience), name (normal), title (publication,
/// talk, patent), event (service), label (one-line) or the item's text.
[[nodiscard]] std::string sort_text(const Entry& entry);

/// The order to show `section`'s entries in, as indices into its entries:
/// - newest_first: by end date (an open range or `present` is newest), then
///   start date, latest first; a talk by its latest event;
/// - oldest_first: by start date (a single date is both), then end date;
/// - alphabetical: sort_text() with the ICU collator of `locale_tag`;
/// - family_name: the person name at the start of sort_text() (up to the
///   first comma, parenthesis, colon or dash) by family name, then given
///   name (compare_names: "Jane Doe" sorts under D, 陈巧玲 under Chen in zh).
/// Stable: equal keys keep input order; undated entries (or free-text dates)
/// follow the dated ones, in input order.
[[nodiscard]] std::vector<std::size_t> entry_order(const Section& section, SortOrder order,
                                                   std::string_view locale_tag);

/// entry_order() for the section's settings.sort order and the CV's language.
[[nodiscard]] std::vector<std::size_t> entry_order(const Cv& cv, const Section& section);

} // namespace cvpress::detail
