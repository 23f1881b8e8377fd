// messages.h: what the writer is told: every diagnostic about their files (content,
// site.toml, data files, the theme, the repository, the output folder), in
// plain Vietnamese, in one place. What the operator reads at the command line
// is cli_words.h; the words readers see on the pages are page_words.h.
#pragma once

#include <string>
#include <vector>

namespace congbo::msg {

std::string invalid_utf8();
/// A number outside what the field can mean: "year" from 1930 to 2100.
std::string out_of_range(const std::string& key, const std::string& min, const std::string& max);
/// An invisible control character (code 0x01, 0x0C…) in a text.
std::string control_character(unsigned char code);
std::string missing_front_matter();
std::string unclosed_front_matter(int open_line);
std::string toml_syntax(const std::string& detail);
/// TOML mistakes a writer makes, said in words (toml_reader.cc tells which).
enum class TomlMistake {
  UnclosedString,     ///< title = "Kế hoạch   (no closing quote)
  CurlyQuotes,        ///< title = “Kế hoạch”   (quotes from a word processor)
  UnquotedText,       ///< title = Kế hoạch
  UnquotedSlashDate,  ///< date = 21/10/2020
  ColonForEquals,     ///< title: "Kế hoạch"
  BadKey,             ///< ngày ký = "…"   (a key with marks or spaces)
  InlineTableLines,   ///< { unit = "a",⏎ met = [] }   (an inline table broken across lines)
  BadInlineTable,     ///< { unit = "a", }   (anything else wrong inside { … })
  MissingEquals,      ///< title "Kế hoạch"
  DuplicateKey,       ///< the same key twice
  BadList,            ///< ["a" "b"   (a missing comma or ])
  TextAfterValue,     ///< title = "A "B" C"
  BadDate,            ///< date = 2020-13-01
  UnclosedTable,      ///< [signer
  Backslash,          ///< "A\d"
};
/// `detail`: the key (DuplicateKey), the quote (UnclosedString), or toml++'s words.
std::string toml_mistake(TomlMistake what, const std::string& detail);
std::string missing_field(const std::string& field);
std::string wrong_type(const std::string& field, const std::string& expected,
                       const std::string& got);
std::string empty_field(const std::string& field);
std::string bad_date(const std::string& text);
std::string unknown_field(const std::string& field);
std::string unknown_site_key(const std::string& key);
std::string unknown_kind(const std::string& kind);
std::string unknown_issuer(const std::string& issuer);
std::string duplicate_url(const std::string& url, const std::string& other_path);
std::string raw_html_removed(const std::string& html);
std::string unsafe_link_removed(const std::string& url);
std::string missing_site_toml();
std::string unreadable_file(const std::string& why);
/// Symbolic links: one leading out of the site (never followed), one that
/// leads nowhere, one that leads back into a folder above it.
std::string symlink_outside(const std::string& target);
std::string symlink_dangling(const std::string& target);
std::string symlink_loop();
/// What the system said (an errno), in Vietnamese for the usual cases, with
/// the system's own words after it: "ổ đĩa đã đầy (No space left on device)".
std::string system_error(int code);
std::string template_missing(const std::string& name);
std::string template_error(const std::string& name, const std::string& detail);
std::string output_failed(const std::string& why);
std::string bad_base_url(const std::string& url);
std::string bad_paginate();
std::string bad_public_key();
std::string no_pdftoppm();
std::string attachment_not_beside(const std::string& file, const std::string& folder);
std::string attachment_kind_unknown(const std::string& file);
std::string attachment_missing(const std::string& source);
std::string attachment_too_large(const std::string& source, size_t mb);
std::string attachment_over_limit(const std::string& source, int mb);
std::string attachment_not_its_kind(const std::string& source, const std::string& kind);
std::string attachment_twice(const std::string& file);
std::string bad_attachment_limit();
std::string expires_before_effective(const std::string& expires, const std::string& effective);
std::string expires_before_date(const std::string& expires, const std::string& date);
std::string effective_before_date(const std::string& effective, const std::string& date);
std::string bad_slug(const std::string& slug);
/// strings.toml: a key the built-in words do not have, and a {slot} its text does not fill.
std::string unknown_word(const std::string& key);
std::string unknown_word_slot(const std::string& key, const std::string& slot);
std::string type_string();
std::string type_string_list();
std::string type_date();
std::string type_integer();
std::string type_boolean();
std::string type_table();
std::string type_list();
std::string type_float();
std::string theme_missing(const std::string& name);
/// A template names a partial ({{> name}}) that no layouts/partials/ file provides.
std::string partial_missing(const std::string& name);
std::string bad_theme_name(const std::string& name);
std::string output_not_ours(const std::string& dir);
std::string output_contains_site(const std::string& dir);
std::string output_inside_sources(const std::string& dir, const std::string& source);
std::string reserved_url_owner(const std::string& section);
std::string bad_reference(const std::string& field, const std::string& text);
std::string reference_not_found(const std::string& text);
std::string reference_ambiguous(const std::string& text, const std::string& paths,
                                const std::string& example);
std::string duplicate_identity(const std::string& number, const std::string& other_path);
std::string replacement_cycle(const std::string& chain);
std::string future_date(const std::string& date);
std::string no_repository();
std::string broken_repository(const std::string& why);
std::string unknown_revision(const std::string& rev);
std::string history_failed(const std::string& why);
/// A git object that cannot be read: its id and what is wrong with it.
std::string git_object_damaged(const std::string& id, const std::string& why);
std::string git_object_truncated();
std::string git_object_garbled();
/// HEAD names a commit that cannot be read.
std::string head_unreadable(const std::string& commit, const std::string& why);
/// A commit's parent cannot be read (not a shallow clone: the copy is damaged).
std::string parent_unreadable(const std::string& commit, const std::string& why);
/// A commit's files cannot be compared with its parent's.
std::string commit_unreadable(const std::string& commit, const std::string& why);
/// An old version of a file cannot be read.
std::string version_unreadable(const std::string& blob, const std::string& commit, const std::string& why);
/// A file of the tree at --ref cannot be read.
std::string tree_file_unreadable(const std::string& blob, const std::string& why);
/// The tree at --ref cannot be listed whole.
std::string tree_unreadable(const std::string& rev, const std::string& why);
/// What to do about a damaged repository.
std::string repository_repair_hint();
std::string reserved_search();
std::string reserved_verify();
std::string reserved_on_date();
std::string type_table_list();
std::string type_number();
std::string bad_unit_id(const std::string& id);
std::string duplicate_unit(const std::string& id, int other_line);
std::string unknown_unit_type(const std::string& text);
std::string unknown_sector(const std::string& text);
std::string subcell_needs_parent(const std::string& id);
std::string parent_only_for_subcells(const std::string& id);
std::string unknown_unit(const std::string& id);
std::string parent_not_committee(const std::string& id);
std::string bad_share(const std::string& key, const std::string& text);
std::string duplicate_rule_id(const std::string& table, const std::string& id);
std::string criteria_count_out_of_range(long long value, int criteria);
std::string unknown_criterion(const std::string& id);
std::string children_rule_incomplete();
std::string unknown_grade(const std::string& id);
std::string otherwise_not_last(const std::string& id);
std::string target_needs_one_bound();
/// A threshold or a row naming a count no [[count]] declares.
std::string unknown_count(const std::string& id);
std::string threshold_of_itself(const std::string& id);
/// A row lists a criterion as met whose threshold needs counts the row lacks.
std::string counts_missing(const std::string& criterion, const std::vector<std::string>& names,
                           const std::vector<std::string>& ids);
/// A row counts more than its total: 13 of 12.
std::string count_exceeds(const std::string& id, long long count, const std::string& of, long long total);
/// site.toml [named.KEY] number that is not a document number.
std::string bad_named_number(const std::string& number);
/// A band whose lower bound is above its upper one.
std::string target_band_reversed(const std::string& lower, const std::string& upper);
std::string decision_needs_grade_and_reason();
std::string duplicate_year(int year, int other_line);
/// A campaign's [[deadline]]: its kind, and when it falls.
std::string unknown_deadline_kind(const std::string& kind);
std::string deadline_needs_date();
std::string bad_day_month(const std::string& text);
std::string graded_twice(const std::string& unit, int year, int other_line);
std::string missing_score(const std::string& unit);
std::string grade_contradicts(const std::string& unit, const std::string& stated, const std::string& computed,
                              const std::string& why);
std::string no_recipients();
std::string unknown_campaign(const std::string& id);
std::string over_quota(int count, const std::string& quota, int registered, int year, int limit);
std::string below_standard(const std::string& unit, const std::string& grade, int years, int year,
                           int failing_year, const std::string& got);
std::string unknown_plan(const std::string& text);
std::string image_without_alt(const std::string& src);
std::string image_missing(const std::string& src);
/// A photo libvips cannot read: published as sent, without copies.
std::string image_unreadable(const std::string& path);
std::string image_outside(const std::string& src);

}  // namespace congbo::msg
