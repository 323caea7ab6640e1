#include "dissector/wireshark/users_source.h"

#include <iterator>
#include <string>
#include <vector>

#include "absl/status/status.h"

namespace snmpdissect::wireshark {
namespace {

void Append(const std::string& path, bool missing_is_fine, std::vector<usm::UserConfig>* users,
            std::vector<std::string>* problems) {
  if (path.empty()) return;
  absl::StatusOr<std::vector<usm::UserConfig>> loaded = usm::LoadUsersFile(path);
  if (!loaded.ok()) {
    if (!(missing_is_fine && absl::IsNotFound(loaded.status()))) {
      problems->push_back(std::string(loaded.status().message()));
    }
    return;
  }
  users->insert(users->end(), std::make_move_iterator(loaded->begin()),
                std::make_move_iterator(loaded->end()));
}

}  // namespace

std::vector<usm::UserConfig> LoadUsers(const std::string& personal, const std::string& preference,
                                       std::vector<std::string>* problems) {
  std::vector<usm::UserConfig> users;
  Append(personal, /*missing_is_fine=*/true, &users, problems);
  // The same file named twice (the preference pointing at the personal
  // table) is read once.
  if (preference != personal) Append(preference, /*missing_is_fine=*/false, &users, problems);
  return users;
}

}  // namespace snmpdissect::wireshark
