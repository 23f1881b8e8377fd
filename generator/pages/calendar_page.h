// calendar_page.h: the emulation calendar — /thi-dua/lich/, every
// campaign's deadlines by date, each with the units that had not done it by
// then (from the results files), and the same for one campaign year on its
// page. Whether a date has passed is the reader's today, marked in their
// browser (static/js/lich.js): the built page does not age.
#pragma once

#include "record_pages.h"

namespace congbo {

/// /thi-dua/lich/ (only when a campaign declares deadlines).
void render_calendar_page(const RecordContext& cx);
/// The deadlines of one campaign year, as its page lists them (a list; empty when none).
View year_deadlines(const RecordContext& cx, const Campaign& c, int year);
/// The calendar's address with the site's base path, and its script.
std::string calendar_url(const RecordContext& cx);
std::string calendar_script(const RecordContext& cx);

}  // namespace congbo
