// document_view.cc: see document_view.h.
#include "document_view.h"


#include "page_words.h"
#include "validity.h"
#include "attachment_files.h"
#include "attachments.h"

#include <algorithm>
#include <cstdio>
#include "text.h"
#include "views.h"

namespace congbo {


std::string external_kind_name(const ExternalDocument& e, const SiteConfig& config) {
  return e.kind_written.empty() ? config.kind_label(e.kind) : e.kind_written;
}

std::string external_name(const ExternalDocument& e, const SiteConfig& config) {
  if (e.name.empty() || e.scope.empty()) return e.name;
  return words::text("relation.local_congress", {{"name", e.name}, {"issuer", config.issuer_label(e.scope)}});
}

namespace {

std::string json_escape(const std::string& s) { return json_string(s); }

// One related document, on the site or not.
View related_item(const std::vector<Page>& pages, const Related& r, const Relations& rel,
                  const SiteConfig& config) {
  View v;
  if (r.page >= 0) {
    const Page& p = pages[r.page];
    v.set("number", p.doc.number)
        .set("kind_name", config.kind_label(p.doc.kind))
        .set("title", p.title)
        .set("url", href(config, p.url))
        .set("date", p.date ? p.date->display() : "")
        .set("on_site", true);
  } else {
    const ExternalDocument& e = rel.external[r.external];
    v.set("number", e.name.empty() ? r.written : "")
        .set("name", external_name(e, config))
        .set("read_url", e.url)
        .set("kind_name", external_kind_name(e, config))
        .set("date", r.date ? r.date->display() : (e.date ? e.date->display() : ""))
        .set("url", href(config, BrowseUrls::cited() + "#" + e.anchor))
        .set("on_site", false);
  }
  return v;
}

View incoming_item(const std::vector<Page>& pages, int index, const SiteConfig& config) {
  const Page& p = pages[index];
  return View()
      .set("number", p.doc.number)
      .set("kind_name", config.kind_label(p.doc.kind))
      .set("title", p.title)
      .set("url", href(config, p.url))
      .set("date", p.date ? p.date->display() : "")
      .set("on_site", true);
}

std::string jsonld(const std::vector<Page>& pages, int index, const Relations& rel, const SiteConfig& config,
                   const ForceTimeline& force) {
  const Page& p = pages[index];
  const DocumentLinks& links = rel.by_page[index];
  const Issuer* issuer = config.issuer(p.doc.issuer);
  auto refs = [&](std::initializer_list<Relation> kinds) {
    std::string list;
    for (Relation k : kinds) {
      for (const auto& r : links.out[k]) {
        std::string item = r.page >= 0 ? json_escape(permalink(config, pages[r.page].url))
                                       : "{\"@type\":\"Legislation\",\"legislationIdentifier\":" +
                                             json_escape(r.written) + "}";
        list += (list.empty() ? "" : ",") + item;
      }
    }
    return "[" + list + "]";
  };
  std::string j = "{\"@context\":\"https://schema.org\",\"@type\":\"Legislation\"";
  j += ",\"name\":" + json_escape(p.title);
  j += ",\"url\":" + json_escape(permalink(config, p.url));
  if (!p.doc.number.empty()) j += ",\"legislationIdentifier\":" + json_escape(p.doc.number);
  j += ",\"legislationType\":" + json_escape(config.kind_label(p.doc.kind));
  if (p.date) j += ",\"legislationDate\":" + json_escape(p.date->iso());
  if (issuer) {
    j += ",\"legislationPassedBy\":{\"@type\":\"Organization\",\"name\":" + json_escape(issuer->name) + "}";
  }
  j += ",\"inLanguage\":\"vi\"";
  const std::string legal_force = force_schema(force.at(rel.today));
  if (force.by_hand.empty() && !legal_force.empty()) j += ",\"legislationLegalForce\":" + json_escape(legal_force);
  if (p.doc.effective) j += ",\"legislationDateOfApplicability\":" + json_escape(p.doc.effective->iso());
  if (p.doc.expires) j += ",\"expires\":" + json_escape(p.doc.expires->iso());
  if (!links.out[kBasedOn].empty()) j += ",\"isBasedOn\":" + refs({kBasedOn});
  if (!links.out[kReplaces].empty() || !links.out[kAmends].empty()) {
    j += ",\"legislationChanges\":" + refs({kReplaces, kAmends});
  }
  if (!p.doc.signer.empty()) j += ",\"author\":{\"@type\":\"Person\",\"name\":" + json_escape(p.doc.signer) + "}";
  return j + "}";
}

// The signed original and the other files, each with its kind, size, hash and link.
View attachments_view(const Page& page, const SiteConfig& config) {
  View list = View::list();
  for (const Attachment& a : page.doc.attachments) {
    if (a.sha256.empty()) continue;
    const std::string url = href(config, attachment_url(page, a));
    View item;
    item.set("title", a.title).set("file", a.file).set("url", url).set("kind", attachment_kind(a.file))
        .set("size", size_words(a.size)).set("sha256", a.sha256);
    if (a.preview_width) {
      item.set("preview_url", url + ".png").set("preview_width", std::to_string(a.preview_width))
          .set("preview_height", std::to_string(a.preview_height));
    }
    list.push(std::move(item));
  }
  return list;
}

// The status today, the sentence under it (since when, and which documents
// made it so), the dates for the document's details, and the whole timeline
// for the page's script, which shows the status on the reader's own today
// and on any day they choose.
void set_force(View& v, const ForceTimeline& t, const std::vector<Page>& pages, const Relations& rel,
               const SiteConfig& config) {
  const Force now = t.at(rel.today);
  const std::string status = t.by_hand.empty() ? force_name(now) : t.by_hand;
  static const char* kClass[] = {"not-yet", "in-force", "partly", "not-in-force"};
  v.set("status", status).set("force_class", t.by_hand.empty() ? kClass[static_cast<int>(now)] : "in-force");
  View reasons = View::list();
  if (t.by_hand.empty()) {
    for (const ForceChange* c : t.reasons(rel.today)) {
      View r;
      const std::string since = c->from ? words::text("status.since", {{"date", c->from->display()}}) : "";
      const std::string label =
          c->by.empty() ? "" : words::text(c->force == Force::NotInForce ? "status.replaced_by" : "status.amended_by");
      r.set("since", since).set("label", since.empty() ? label : to_lower(label));  // "Từ ngày …: được thay thế bởi"
      for (int i : c->by) {
        View doc = incoming_item(pages, i, config);
        // "từ ngày 01/06/2021: Được thay thế bởi Kế hoạch số 51-KH/ĐUK", its date said once
        if (c->from && pages[i].date == c->from) doc.set("date", "");
        r.set("doc", std::move(doc));
      }
      reasons.push(std::move(r));
    }
  }
  v.set("force_reasons", std::move(reasons));
  v.set("takes_effect", now == Force::NotYet && t.start ? words::text("status.takes_effect", {{"date", t.start->display()}}) : "");
  // The timeline as the script reads it: [{"from":"2021-01-01","status":"…"}], the start first.
  std::string json = "[";
  bool first = true;
  for (const auto& [from, f] : t.points()) {
    // The start is marked: before it the document is not yet in force, whatever changes it later.
    json += std::string(json.size() > 1 ? "," : "") + "{\"from\":" + json_string(from ? from->iso() : "") +
            ",\"status\":" + json_string(force_name(f)) + (first && t.start ? ",\"start\":true" : "") + "}";
    first = false;
  }
  v.set("force_json", json + "]").set("not_yet_name", force_name(Force::NotYet));
  v.set("force_script", json.size() > 1 ? href(config, "/js/hieu-luc.js") : "");
}

// The lines naming the issuer at the head of the document: as its documents
// print them when site.toml says so, else its name in capitals.
View issuer_lines(const SiteConfig& config, const Issuer* issuer, const std::string& key) {
  View lines = View::list();
  if (issuer && issuer->header) {
    for (const std::string& l : *issuer->header) lines.push(View().set("line", l));
  } else {
    lines.push(View().set("line", to_upper(config.issuer_label(key))));
  }
  return lines;
}

}  // namespace

View document_view(const std::vector<Page>& pages, int index, const Relations& rel, const SiteConfig& config) {
  const Page& page = pages[index];
  const DocumentMeta& d = page.doc;
  const DocumentLinks& links = rel.by_page[index];
  const Issuer* issuer = config.issuer(d.issuer);
  const std::string kind = config.kind_label(d.kind);

  View v;
  v.set("number", d.number)
      .set("kind", d.kind)
      .set("kind_name", kind)
      .set("kind_upper", to_upper(kind))
      .set("kind_url", href(config, BrowseUrls::kind(config, d.kind)))
      .set("issuer_name", config.issuer_label(d.issuer))
      .set("issuer_lines", issuer_lines(config, issuer, d.issuer))
      // the star under the issuer's lines, above the number: not alone on a head that states neither
      .set("star", !d.number.empty() || !(issuer && issuer->header && issuer->header->empty()))
      .set("issuer_parent_upper", issuer ? to_upper(issuer->parent) : "")
      .set("issuer_url", href(config, BrowseUrls::issuer(d.issuer)))
      .set("year_url", href(config, BrowseUrls::year(page.date)))
      .set("year", page.date ? std::to_string(page.date->year) : "")
      .set("place", d.place)
      .set("signer", d.signer)
      .set("signer_role", d.signer_role)
      .set("signer_role_upper", to_upper(d.signer_role))
      .set("authority", d.authority)
      .set("period", d.period);

  std::string dateline;
  if (!d.place.empty()) dateline = d.place + ", ";
  if (page.date) {
    dateline += words::date_long(page.date->year, page.date->month, page.date->day);
  } else if (!dateline.empty()) {
    dateline += "ngày … tháng … năm …";
  }
  v.set("dateline", dateline);

  View recipients = View::list();
  for (const auto& r : d.recipients) recipients.push(View().set("name", r));
  v.set("has_recipients", !d.recipients.empty()).set("recipients", std::move(recipients));
  View fields = View::list();
  for (const auto& f : d.fields) fields.push(View().set("name", f).set("url", href(config, BrowseUrls::field(f))));
  v.set("has_fields", !d.fields.empty()).set("fields", std::move(fields));

  const ForceTimeline force = force_timeline(pages, index, links);
  set_force(v, force, pages, rel, config);
  v.set("effective", d.effective ? d.effective->display() : "").set("expires", d.expires ? d.expires->display() : "");
  v.set("attachments", attachments_view(page, config)).set("has_attachments", !d.attachments.empty());

  // Relationship groups, both directions: this document → others on the
  // left of the diagram, others → this document on the right.
  View outgoing = View::list(), incoming = View::list();
  bool any = false;
  for (int k = 0; k < kRelationCount; ++k) {
    if (!links.out[k].empty()) {
      View items = View::list();
      for (const auto& r : links.out[k]) items.push(related_item(pages, r, rel, config));
      outgoing.push(View().set("title", words::relation_title(k, false)).set("items", std::move(items)));
      any = true;
    }
    if (!links.in[k].empty()) {
      View items = View::list();
      for (int i : links.in[k]) items.push(incoming_item(pages, i, config));
      incoming.push(View().set("title", words::relation_title(k, true)).set("items", std::move(items)));
      any = true;
    }
  }
  v.set("outgoing", std::move(outgoing)).set("incoming", std::move(incoming)).set("has_relations", any);
  v.set("jsonld", jsonld(pages, index, rel, config, force));
  return v;
}

}  // namespace congbo
