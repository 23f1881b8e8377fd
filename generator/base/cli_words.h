// cli_words.h: what the operator reads at the command line: usage, what a build,
// check, serve or publish did, and what the preview server answers.
#pragma once

#include <string>
#include <vector>

namespace congbo::cli {

std::string usage();
/// One command's usage and the options ("congbo build --help"); the whole
/// usage for a word that is not a command.
std::string usage_of(const std::string& command);
/// The command a mistyped word was meant to be (at most two letters off), or "".
std::string nearest_command(const std::string& typed);
std::string missing_value(const std::string& option);
/// An option's value must be a whole number in [min, max].
std::string missing_number(const std::string& option, int min, int max);
std::string unknown_option(const std::string& option);
/// An unknown command, the one it may have meant, and the list of commands.
std::string unknown_command(const std::string& command);
std::string build_done(int pages, const std::string& out_dir, long ms);
std::string build_up_to_date(const std::string& out_dir, long ms);
/// A check without errors; its warnings, if any, counted (they are printed above it).
std::string check_done(int pages, int warnings);
std::string build_failed(int errors, int warnings, bool had_output);
/// The page `serve` shows while no build has succeeded yet (HTML).
std::string serve_nothing_built_page();
std::string serve_port_unavailable(const std::string& host, int port);
/// Where the preview is, once serve listens.
std::string serve_listening(const std::string& host, int port, const std::string& base_path);
/// Where other machines on the network reach a preview opened with --listen,
/// and that anyone there can read it.
std::string serve_listening_lan(const std::vector<std::string>& addresses, int port, const std::string& base_path);
/// The answer to a request that would send something (POST, PUT...).
std::string serve_read_only();
/// What the preview server's gate answers to requests it refuses.
std::string serve_too_many_connections();
std::string serve_length_required();
std::string serve_too_large();
std::string serve_head_too_large();
std::string serve_too_slow();
std::string publish_needs_repository();
std::string publish_no_target();
std::string publish_switch_failed(const std::string& why);
std::string publish_current_not_ours();
std::string publish_needs_key();
std::string publish_key_mismatch(const std::string& key, const std::string& public_key);
std::string publish_proof_failed(const std::string& why);
std::string remote_bad_folder(const std::string& path);
std::string remote_bad_ssh_config();
std::string remote_program_missing(const std::string& program);
std::string remote_timed_out(const std::string& program);
std::string remote_unreachable(const std::string& detail);
std::string remote_failed(const std::string& program, int code, const std::string& detail);
std::string remote_no_staging();
std::string desk_publish_local_only();
/// The new release lacks archived versions the served one has: how many, a few of them.
std::string publish_would_lose_versions(const std::vector<std::string>& urls);
std::string rollback_nothing();
std::string publish_done(const std::string& release, const std::string& commit, int files, int reused,
                         bool signed_release);
std::string rollback_done(const std::string& release);
std::string stage_markdown();
std::string stage_pages();
std::string stage_lists();

}  // namespace congbo::cli
