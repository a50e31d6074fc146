#include "cli/user_error.hpp"

#include <cerrno>
#include <cstring>

#include <fmt/core.h>

namespace cprokit::cli {

UserError::UserError(Message message)
    : std::runtime_error(message.en), message_(std::move(message)) {}

Message system_cause(int error_number) {
  switch (error_number) {
    case 0:  // the system did not say why
      return {"illisible", "cannot be read"};
    case ENOENT:
      return {"introuvable : vérifiez le chemin", "not found: check the path"};
    case ENOTDIR:
      return {"introuvable : une partie du chemin n'est pas un dossier",
              "not found: a part of the path is not a folder"};
    case EACCES:
    case EPERM:
      return {"accès refusé : vérifiez les droits du fichier et de ses dossiers (ls -l)",
              "permission denied: check the rights on the file and its folders (ls -l)"};
    case EISDIR:
      return {"c'est un dossier, pas un fichier", "is a folder, not a file"};
    case ELOOP:
      return {"trop de liens symboliques à suivre (une boucle ?)",
              "too many symbolic links to follow (a loop?)"};
    case ENAMETOOLONG:
      return {"nom trop long pour le système", "name too long for the system"};
    case EIO:
      return {"erreur de lecture du support (disque endommagé ou retiré ?)",
              "input/output error (a damaged or removed disk?)"};
    case EMFILE:
    case ENFILE:
      return {
          "trop de fichiers ouverts : relancez avec moins de fils (--jobs) ou une limite "
          "plus haute (ulimit -n)",
          "too many open files: run again with fewer threads (--jobs) or a higher limit "
          "(ulimit -n)"};
    case ENOMEM:
      return {"mémoire insuffisante", "out of memory"};
    case ENOSPC:
      return {"plus de place sur le disque : libérez-en", "no space left on the disk: free some"};
    case EDQUOT:
      return {"quota disque dépassé", "disk quota exceeded"};
    case EROFS:
      return {"système de fichiers en lecture seule", "read-only file system"};
    case EBADF:
      return {"fermé : rien à lire", "closed: nothing to read"};
    case ENXIO:
    case ENODEV:
      return {"périphérique absent", "no such device"};
    default:
      break;
  }
  const std::string text = std::strerror(error_number);
  return {fmt::format("erreur du système {} ({})", error_number, text),
          fmt::format("system error {} ({})", error_number, text)};
}

UserError path_error(std::string_view path, const Message& cause) {
  if (path == "-") {
    return UserError({fmt::format("entrée standard (-) : {}", cause.fr),
                      fmt::format("standard input (-): {}", cause.en)});
  }
  return UserError({fmt::format("{} : {}", path, cause.fr), fmt::format("{}: {}", path, cause.en)});
}

UserError path_error(std::string_view path, int error_number) {
  return path_error(path, system_cause(error_number));
}

}  // namespace cprokit::cli
