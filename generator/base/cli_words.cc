// cli_words.cc: the command line's words (see cli_words.h).
#include "cli_words.h"

#include <algorithm>
#include <string>
#include <vector>

#include "text.h"

namespace congbo::cli {

std::string missing_value(const std::string& option) { return "thiếu giá trị hợp lệ cho " + option; }

std::string missing_number(const std::string& option, int min, int max) {
  return missing_value(option) + " (một số từ " + std::to_string(min) + " đến " + std::to_string(max) + ")";
}

std::string unknown_option(const std::string& option) { return "tùy chọn không rõ: " + option; }

namespace {

// Each command with what it does, as `congbo --help` and `congbo COMMAND --help` print it.
struct CommandHelp {
  const char* name;
  const char* text;
};

const CommandHelp kCommands[] = {
    {"build",
      "  congbo build [--site THƯ_MỤC] [--out THƯ_MỤC] [--ref PHIÊN_BẢN] [--jobs N] [--timings] [--quiet]\n"
      "      Dựng toàn bộ trang vào thư mục kết quả (mặc định THƯ_MỤC_TRANG/public).\n"
      "      Chỉ thay thư mục kết quả khi dựng thành công; khi có lỗi, bản cũ giữ nguyên.\n"
      "      Không có tệp nào thay đổi từ lần dựng trước thì không phải làm gì.\n"},
    {"check",
      "  congbo check [--site THƯ_MỤC] [--ref PHIÊN_BẢN]\n"
      "      Đọc và kiểm tra toàn bộ nội dung, không ghi gì.\n"},
    {"serve",
      "  congbo serve [--site THƯ_MỤC] [--port CỔNG] [--out THƯ_MỤC] [--listen ĐỊA_CHỈ]\n"
      "      Xem thử trên máy: dựng trang, phục vụ ở http://127.0.0.1:CỔNG/ (mặc định 8000),\n"
      "      theo dõi tệp và dựng lại khi có thay đổi; trang đang mở tự tải lại. Trang vừa\n"
      "      sửa hiện ngay, các trang khác khi dựng lại xong. Lỗi hiện ở cửa sổ lệnh và\n"
      "      ngay trên trang, trong khi bản dựng tốt gần nhất vẫn được phục vụ.\n"
      "      --listen 0.0.0.0 (hay địa chỉ của máy trong mạng): xem thử từ điện thoại hay máy\n"
      "      khác trong mạng cơ quan. Chỉ để xem (không nhận gửi lên), không mật khẩu, không\n"
      "      HTTPS: chỉ dùng trong mạng tin cậy, và chỉ khi nội dung chưa công bố được xem.\n"},
    {"publish",
      "  congbo publish [--site THƯ_MỤC] --to THƯ_MỤC [--ref PHIÊN_BẢN] [--keep N] [--drop-versions]\n"
      "                 [--key TỆP_KHÓA] [--timings]\n"
      "      Công bố đúng nội dung đã commit ở PHIÊN_BẢN (mặc định HEAD) thành một bản mới\n"
      "      trong THƯ_MỤC/releases/, rồi chuyển THƯ_MỤC/current sang bản đó trong một bước.\n"
      "      Giữ N bản gần nhất (mặc định 5) để quay lại. Bị ngắt giữa chừng hay dựng lỗi\n"
      "      thì trang đang chạy không đổi. Máy chủ web phục vụ thư mục THƯ_MỤC/current.\n"
      "      Không công bố bản mới nào làm mất địa chỉ lưu trữ (phiên bản, so sánh) mà trang đang chạy có\n"
      "      (trừ khi thêm --drop-versions, khi cố ý viết lại lịch sử).\n"
      "      Mỗi bản kèm bản ghi công bố (xac-minh/): mã SHA-256 của từng tệp và nhật ký mọi lần\n"
      "      công bố, ký bằng khóa ở --key (hoặc biến CONGBO_PUBLISH_KEY). Khi site.toml có\n"
      "      public_key thì bắt buộc có khóa, và phải đúng cặp.\n"
      "  congbo publish ... --to TÀI_KHOẢN@MÁY_CHỦ:/THƯ_MỤC [--ssh-config TỆP]\n"
      "      Công bố lên máy chủ web là một máy khác, qua SSH và rsync (cần rsync ở cả hai máy):\n"
      "      bản mới được gửi đầy đủ vào releases/ trên máy chủ (tệp không đổi được liên kết cứng\n"
      "      từ bản đang chạy), rồi current được chuyển trong một bước. Mất mạng hay bị ngắt lúc\n"
      "      nào thì máy chủ vẫn phục vụ trọn bản cũ. Dùng khóa SSH của tài khoản này (hoặc cấu\n"
      "      hình ở --ssh-config, như ssh -F); không hỏi mật khẩu.\n"
      "  congbo publish --rollback --to THƯ_MỤC|TÀI_KHOẢN@MÁY_CHỦ:/THƯ_MỤC\n"
      "      Quay lại bản công bố trước bản đang chạy.\n"},
    {"soan",
      "  congbo soan [--site THƯ_MỤC] [--port CỔNG] [--listen ĐỊA_CHỈ --tls-cert TỆP --tls-key TỆP]\n"
      "              [--publish-to THƯ_MỤC [--publish-key TỆP_KHÓA]]\n"
      "      Bàn soạn thảo: người soạn đăng nhập từ trình duyệt (mặc định http://127.0.0.1:8080/),\n"
      "      soạn và sửa văn bản bằng biểu mẫu, xem trước, rồi Lưu: tệp được ghi, toàn trang\n"
      "      được kiểm tra, và chỉ khi không có lỗi mới được commit với tên người soạn.\n"
      "      Mở cho máy khác trong mạng (--listen) thì bắt buộc có HTTPS. Với --publish-to (thư mục\n"
      "      của congbo publish --to), danh sách cho biết tệp nào đã đổi mà chưa công bố, và người\n"
      "      có vai trò xuat-ban công bố hay quay lại bản trước ngay trên bàn (trang Xuất bản).\n"
      "      Trang có public_key thì cho bàn khóa ký bằng --publish-key (hoặc CONGBO_PUBLISH_KEY).\n"
      "  congbo soan --add-user TÊN --name \"HỌ TÊN\" [--email E] [--role soan|xuat-ban]\n"
      "      Tạo hoặc đổi tài khoản; mật khẩu đọc từ đầu vào chuẩn (hoặc hỏi khi gõ trực tiếp).\n"
      "      Tài khoản lưu ở THƯ_MỤC_TRANG/.congbo/tai-khoan.toml, không bao giờ vào kho git.\n"},
    {"import",
      "  congbo import TỆP... [--site THƯ_MỤC] [--section van-ban] [--dry-run]\n"
      "      Nhập văn bản có sẵn (.docx, .odt qua pandoc; .pdf có chữ qua pdftotext; .txt, .md):\n"
      "      đọc thể thức (số, cơ quan, ngày, tên loại, trích yếu, nơi nhận, người ký) để điền phần\n"
      "      thông tin, ghi content/van-ban/<số>.md (không ghi đè tệp đã có) và in những gì tìm\n"
      "      được, không tìm được. --section van-ban/2020: ghi vào thư mục đó (trong van-ban).\n"
      "      --dry-run: chỉ in, không ghi.\n"},
    {"keygen",
      "  congbo keygen TỆP_KHÓA\n"
      "      Tạo khóa ký cho việc công bố: lưu khóa bí mật vào TỆP_KHÓA (không ghi đè, không\n"
      "      được nằm trong kho git) và in khóa công khai để ghi vào site.toml (public_key).\n"},
    {"verify",
      "  congbo verify TỆP|THƯ_MỤC [--against THƯ_MỤC] [--site THƯ_MỤC] [--public-key KHÓA]\n"
      "      Xác minh một trang (tệp đã lưu từ trang) hay cả một bản phát hành có đúng là bản\n"
      "      đã công bố không, và công bố khi nào. Đối chiếu với bản ghi công bố có chữ ký ở\n"
      "      --against (thư mục --to của congbo publish, hay một bản phát hành); khóa công khai\n"
      "      lấy từ site.toml hoặc --public-key. Sai một byte cũng bị phát hiện (mã thoát 1).\n"},
    {"new",
      "  congbo new van-ban|mo-hinh|trang [\"TRÍCH YẾU\"] [--site THƯ_MỤC]\n"
      "      Tạo tệp mới theo đúng mẫu bàn soạn thảo dùng, in đường dẫn của nó; không ghi đè tệp đã có.\n"},
    {"init",
      "  congbo init THƯ_MỤC\n"
      "      Tạo trang mới: site.toml, content/, .gitignore và lần commit đầu tiên.\n"},
};

const char* kHeader = "congbo " CONGBO_VERSION " – dựng trang web công bố văn bản của cấp ủy\n\n";

const char* kOptions =
      "\nTùy chọn:\n"
      "  --site THƯ_MỤC   thư mục gốc của trang, nơi có site.toml (mặc định: thư mục hiện tại)\n"
      "  --out THƯ_MỤC    thư mục kết quả (mặc định: THƯ_MỤC_TRANG/public)\n"
      "  --ref PHIÊN_BẢN  dựng đúng nội dung đã lưu trong kho git ở nhánh, thẻ hoặc commit này,\n"
      "                   bỏ qua các thay đổi chưa commit (cách công bố bản đã duyệt)\n"
      "  --jobs N         dựng trên N luồng song song (mặc định: số nhân máy)\n"
      "  --timings        in thời gian của từng bước dựng trang\n"
      "  --quiet          chỉ in lỗi và cảnh báo\n";

const char* kExit =
      "\nMã thoát: 0 thành công, 1 nội dung có lỗi, 2 sai cách dùng.\n"
      "Lỗi được in theo dạng tệp:dòng:cột: error: nội dung lỗi.\n";

const char* kFooter =
      "\nNội dung: content/van-ban/ (văn bản), content/mo-hinh/ (mô hình), content/thi-dua/\n"
      "(phong trào thi đua và kết quả), content/khen-thuong/ (quyết định khen thưởng),\n"
      "content/don-vi.toml (đơn vị); cách viết: docs/huong-dan-soan-noi-dung.md.\n"
      "\n"
      "Lịch sử phiên bản của mỗi văn bản được đọc từ kho git chứa thư mục trang.\n"
      "Kết quả chỉ được thay cả một lần khi dựng xong, không bao giờ dở dang. Bản kết quả\n"
      "cũ được giữ ẩn bên cạnh (.public.congbo-spare) để lần dựng sau chỉ ghi những tệp\n"
      "đã thay đổi; tệp không đổi giữ nguyên. Dấu của lần dựng trước ở THƯ_MỤC_TRANG/.congbo-cache.\n";

// The edit distance between two short ASCII words (a typed command).
size_t distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string usage() {
  std::string s = std::string(kHeader) + "Cách dùng:\n";
  for (const auto& c : kCommands) s += c.text;
  s += "  congbo LỆNH --help  In hướng dẫn của một lệnh (ví dụ congbo build --help).\n"
       "  congbo --help       In hướng dẫn này.\n"
       "  congbo --version    In số phiên bản.\n";
  return s + kOptions + kFooter + kExit;
}

std::string usage_of(const std::string& command) {
  for (const auto& c : kCommands) {
    if (command == c.name) return std::string(kHeader) + "Cách dùng:\n" + c.text + kOptions + kExit;
  }
  return usage();
}

std::string nearest_command(const std::string& typed) {
  std::string best;
  size_t best_distance = 3;  // more than two letters off is not a slip
  for (const auto& c : kCommands) {
    const size_t d = distance(typed, c.name);
    if (d < best_distance) { best_distance = d; best = c.name; }
  }
  return best;
}

std::string unknown_command(const std::string& command) {
  std::string list;
  for (const auto& c : kCommands) list += std::string(list.empty() ? "" : ", ") + c.name;
  const std::string near = nearest_command(command);
  return "lệnh không rõ: " + command + (near.empty() ? "" : ". Có phải bạn muốn: congbo " + near + "?") +
         "\nCác lệnh: " + list + ". Xem hướng dẫn: congbo --help";
}

std::string build_done(int pages, const std::string& out_dir, long ms) {
  return "Đã dựng " + std::to_string(pages) + " trang vào " + out_dir + " trong " +
         std::to_string(ms) + " ms.";
}

std::string check_done(int pages, int warnings) {
  return "Đã kiểm tra " + std::to_string(pages) + " trang: không có lỗi" +
         (warnings ? ", " + std::to_string(warnings) + " cảnh báo (xem ở trên)." : ".");
}

std::string serve_nothing_built_page() {
  return "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<title>Chưa dựng được trang</title>\n</head>\n<body>\n"
         "<main id=\"congbo-chua-dung\" style=\"font:16px/1.5 sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem\">\n"
         "<h1>Chưa dựng được trang</h1>\n"
         "<p>Nội dung đang có lỗi nên trang chưa dựng được lần nào. Lỗi hiện bên dưới và trong cửa sổ lệnh. "
         "Sửa tệp và lưu lại: trang này tự tải lại khi dựng xong.</p>\n"
         "</main>\n</body>\n</html>\n";
}

std::string serve_too_many_connections() { return "Máy chủ xem thử đang bận, hãy thử lại sau giây lát."; }

std::string serve_length_required() { return "Yêu cầu phải cho biết độ dài nội dung (Content-Length)."; }

std::string serve_too_large() { return "Nội dung gửi lên quá lớn."; }

std::string serve_head_too_large() { return "Phần đầu của yêu cầu quá lớn."; }

std::string serve_too_slow() { return "Yêu cầu đến quá chậm nên đã bị ngắt."; }

std::string serve_listening(const std::string& host, int port, const std::string& base_path) {
  return "Xem thử tại http://" + host + ":" + std::to_string(port) + base_path +
         " (Ctrl+C để dừng). Trang tự tải lại khi tệp thay đổi.";
}

std::string serve_listening_lan(const std::vector<std::string>& addresses, int port, const std::string& base_path) {
  std::string s = "Xem thử từ máy khác trong mạng:";
  for (const auto& a : addresses) s += " http://" + a + ":" + std::to_string(port) + base_path;
  if (addresses.empty()) s += " (máy này chưa có địa chỉ mạng nào ngoài 127.0.0.1)";
  return s + "\nLưu ý: ai trong mạng này cũng xem được bản xem thử (chỉ xem, không sửa được gì);"
             " chỉ dùng trong mạng tin cậy.";
}

std::string serve_read_only() { return "Bản xem thử chỉ để xem: không nhận nội dung gửi lên."; }

std::string serve_port_unavailable(const std::string& host, int port) {
  // The port beside it, within the ports there are (1 to 65535).
  return "không mở được cổng " + std::to_string(port) + " trên " + host +
         " (có thể một congbo serve hay chương trình khác đang dùng cổng này); hãy chọn cổng khác, ví dụ --port " +
         std::to_string(port < 65535 ? port + 1 : port - 1);
}

std::string build_failed(int errors, int warnings, bool had_output) {
  std::string s = "Có " + std::to_string(errors) + " lỗi, " + std::to_string(warnings) +
                  " cảnh báo.";
  if (had_output) s += " Thư mục kết quả cũ được giữ nguyên.";
  return s;
}

std::string publish_needs_repository() {
  return "congbo publish chỉ công bố nội dung đã lưu trong kho git, nhưng thư mục trang không nằm trong kho git nào";
}

std::string publish_no_target() { return "cần chỉ rõ thư mục công bố bằng --to"; }

std::string publish_switch_failed(const std::string& why) {
  return "không chuyển được sang bản mới: " + why + "; trang đang chạy vẫn là bản cũ";
}

std::string publish_would_lose_versions(const std::vector<std::string>& urls) {
  std::string some;
  for (size_t i = 0; i < urls.size() && i < 5; ++i) some += (i ? ", " : "") + urls[i];
  if (urls.size() > 5) some += ", …";
  return "bản mới sẽ làm mất " + std::to_string(urls.size()) +
         " địa chỉ lưu trữ (trang văn bản, phiên bản, so sánh) mà trang đang chạy vẫn phục vụ (" + some +
         "), nên chưa công bố; trang đang chạy không đổi. Thường là do kho git bị hỏng, là bản sao nông "
         "(shallow clone) hay lịch sử đã bị viết lại. Hãy công bố từ kho đầy đủ; nếu thật sự muốn bỏ các "
         "phiên bản đó, chạy lại với --drop-versions";
}

std::string publish_current_not_ours() {
  return "ở đây đã có một thư mục hay tệp thật, không phải liên kết do congbo publish tạo ra; congbo không ghi đè "
         "nó. Hãy chọn một thư mục công bố khác cho --to, hoặc tự chuyển nội dung đó đi rồi công bố lại";
}

std::string publish_needs_key() {
  return "có public_key (trang hứa mỗi bản công bố đều được ký) nhưng chưa có khóa ký: thêm --key TỆP_KHÓA "
         "(hoặc đặt biến môi trường CONGBO_PUBLISH_KEY); trang đang chạy không đổi";
}

std::string publish_key_mismatch(const std::string& key, const std::string& public_key) {
  if (public_key.empty()) {
    return "có khóa ký nhưng site.toml chưa công bố khóa công khai của nó, nên người đọc không kiểm được chữ ký. Thêm "
           "dòng này vào phần đầu site.toml (trước dòng [ ] đầu tiên), lưu (commit) rồi công bố lại: public_key = \"" + key + "\"";
  }
  return "khóa ký này (" + key + ") không phải cặp của public_key trong site.toml (" + public_key +
         "): chọn đúng tệp khóa, hoặc nếu đã đổi khóa thì sửa public_key trong site.toml; trang đang chạy không đổi";
}

std::string publish_proof_failed(const std::string& why) {
  return "không ghi được bản ghi công bố (xac-minh/): " + why + "; chưa công bố, trang đang chạy không đổi";
}

std::string remote_bad_folder(const std::string& path) {
  return "thư mục trên máy chủ “" + path + "” không dùng được: cần đường dẫn tuyệt đối (bắt đầu bằng /), khác /, chỉ có "
         "chữ không dấu, số và . _ - ~ + /, không có “..”; ví dụ congbo@may-chu:/srv/congbo";
}

std::string remote_bad_ssh_config() { return "đường dẫn tệp cấu hình SSH không được chứa dấu nháy đơn (')"; }

std::string remote_program_missing(const std::string& program) {
  return "chưa cài " + program + ", cần để công bố lên máy chủ khác (Debian: apt install rsync openssh-client); "
         "trang đang chạy không đổi";
}

std::string remote_timed_out(const std::string& program) {
  return program + " chạy quá lâu nên đã bị dừng (mạng chậm hay máy chủ không trả lời); trang đang chạy không đổi, "
         "công bố lại khi mạng ổn";
}

std::string remote_unreachable(const std::string& detail) {
  return "không kết nối được tới máy chủ qua SSH (" + (detail.empty() ? std::string("không rõ lý do") : detail) +
         "). Kiểm tra tên máy, cổng, tài khoản và khóa SSH (thử: ssh TÀI_KHOẢN@MÁY); trang đang chạy không đổi";
}

std::string remote_failed(const std::string& program, int code, const std::string& detail) {
  return program + " báo lỗi (mã " + std::to_string(code) + (detail.empty() ? "" : ": " + detail) +
         "); chưa chuyển sang bản mới, trang đang chạy không đổi";
}

std::string desk_publish_local_only() {
  return "--publish-to của bàn soạn là một thư mục trên máy này; để công bố lên máy chủ khác, cho máy chủ web "
         "phục vụ thư mục đó, hoặc dùng congbo publish --to TÀI_KHOẢN@MÁY_CHỦ:/THƯ_MỤC";
}

std::string remote_no_staging() { return "không tạo được thư mục tạm để dựng bản công bố"; }

std::string rollback_nothing() { return "không có bản công bố nào trước bản đang chạy để quay lại"; }

std::string publish_done(const std::string& release, const std::string& commit, int files, int reused,
                         bool signed_release) {
  return "Đã công bố bản " + release + " (commit " + commit.substr(0, 7) + "): " + std::to_string(files) +
         " tệp, " + std::to_string(reused) + " tệp không đổi dùng lại từ bản trước." +
         (signed_release ? " Bản ghi công bố (xac-minh/) đã được ký."
                         : " Bản ghi công bố (xac-minh/) không có chữ ký: xem congbo keygen --help.");
}

std::string rollback_done(const std::string& release) { return "Đã quay lại bản " + release + "."; }

std::string stage_markdown() { return "Đọc nội dung"; }

std::string stage_pages() { return "Dựng trang và các phiên bản"; }

std::string stage_lists() { return "Danh sách"; }

std::string build_up_to_date(const std::string& out_dir, long ms) {
  return "Không có gì thay đổi từ lần dựng trước: " + out_dir + " vẫn đúng (kiểm tra trong " + std::to_string(ms) + " ms).";
}

}  // namespace congbo::cli
