#pragma once

#include "core/Result.h"
#include "store/ArchiveConfig.h"
#include "store/SqlArchive.h"

#include <memory>
#include <optional>

namespace iw {

// What ArchiveOpener::open() settled on. The app always starts: when the archive cannot be used as
// asked, `mode` says what it runs with instead and `notice` tells the operator in one sentence.
struct ArchiveOpenOutcome
{
    enum class Mode {
        Normal, // the archive as configured
        ReadOnly, // history is shown, nothing new is saved (locked by another program, newer schema,...)
        Fresh, // the file was damaged: moved aside (never deleted) and a new empty archive started
        Temporary, // the archive cannot be opened at all: this session writes to a temporary file
    };
    Mode mode = Mode::Normal;
    ArchiveConfig config; // the configuration to give ArchiveWriter / ArchiveReader
    std::unique_ptr<SqlArchive> archive; // open on the calling thread; may be dropped
    std::optional<Error> problem; // the error that made mode other than Normal
    QString movedAsidePath; // Fresh: where the damaged file went
    QString notice; // for the operator; empty when Normal
};

class ArchiveOpener
{
public:
    enum class OnCorrupt { StartFresh, ReadOnly, Fail };
    struct Policy
    {
        OnCorrupt onCorrupt = OnCorrupt::StartFresh;
        bool allowTemporary = true; // fall back to a temporary file when nothing else works
    };

    // Opens (and migrates) the archive, falling back as the policy allows. An error only when no
    // fallback is allowed or even the fallback failed.
    static Result<ArchiveOpenOutcome> open(const ArchiveConfig &config, Policy policy);
    static Result<ArchiveOpenOutcome> open(const ArchiveConfig &config) { return open(config, Policy {}); }

    // Renames a SQLite file (and its -wal / -shm companions) to "<path>.damaged-<UTC time>[-n]" and returns
    // the new path of the main file. Never deletes anything.
    static Result<QString> moveAside(const QString &path);
    // The temporary file a session falls back to.
    static QString temporaryPath(const QString &profile);
};

} // namespace iw
