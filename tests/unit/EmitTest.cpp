//===--- EmitTest.cpp - diff, stat, apply and export-fixes ----------------===//

#include "tool/Emit.h"

#include "tests/unit/TempDir.h"

#include "clang/Tooling/ReplacementsYaml.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/YAMLTraits.h"

#include <cstdlib>
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mm {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::StartsWith;

MaterializedFile modified(std::string File, std::string Before, std::string After) {
  MaterializedFile F;
  F.File = std::move(File);
  F.Before = std::move(Before);
  F.After = std::move(After);
  return F;
}

MaterializedFile created(std::string File, std::string After) {
  MaterializedFile F = modified(std::move(File), "", std::move(After));
  F.Created = true;
  return F;
}

MaterializedFile deleted(std::string File, std::string Before) {
  MaterializedFile F = modified(std::move(File), std::move(Before), "");
  F.Deleted = true;
  return F;
}

std::string diffOf(llvm::ArrayRef<MaterializedFile> Files) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  printUnifiedDiff(OS, Files);
  return Out;
}

std::string statOf(llvm::ArrayRef<MaterializedFile> Files) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  printDiffStat(OS, Files);
  return Out;
}

Edit edit(llvm::StringRef Code, llvm::StringRef Find, llvm::StringRef Text) {
  Edit E;
  E.Offset = Code.find(Find);
  E.Length = Find.size();
  E.Text = Text.str();
  E.Origin = "test";
  return E;
}

/// Runs \p Program with \p Args (no shell), HOME pointing at \p Home and no
/// system git configuration; returns the exit code, stdout and stderr into
/// \p Output.
int run(llvm::StringRef Program, llvm::ArrayRef<llvm::StringRef> Args,
        const TempDir &Home, std::string &Output) {
  std::string OutFile = Home.path(".run-output");
  std::vector<llvm::StringRef> Argv = {Program};
  Argv.insert(Argv.end(), Args.begin(), Args.end());
  std::string HomeVar = "HOME=" + Home.Root;
  const char *Path = getenv("PATH");
  std::string PathVar = std::string("PATH=") + (Path ? Path : "/usr/bin:/bin");
  std::vector<llvm::StringRef> Env = {HomeVar, PathVar, "GIT_CONFIG_NOSYSTEM=1",
                                      "LC_ALL=C"};
  std::optional<llvm::StringRef> Redirects[] = {std::nullopt, llvm::StringRef(OutFile),
                                                llvm::StringRef(OutFile)};
  std::string Error;
  int RC = llvm::sys::ExecuteAndWait(Program, Argv, Env, Redirects, 0, 0, &Error);
  Output = Home.read(".run-output").value_or("") + Error;
  llvm::sys::fs::remove(OutFile);
  return RC;
}

TEST(Emit, DiffHeadersPerKindInPathOrder) {
  std::vector<MaterializedFile> Files = {
      modified("src/b.cpp", "int b;\n", "int bb;\n"),
      deleted("old/gone.h", "int g;\n"),
      modified("src/same.cpp", "int s;\n", "int s;\n"),
      created("new/made.h", "int m;\n"),
  };
  EXPECT_EQ(diffOf(Files), "diff --git a/new/made.h b/new/made.h\n"
                           "new file mode 100644\n"
                           "--- /dev/null\n"
                           "+++ b/new/made.h\n"
                           "@@ -0,0 +1 @@\n"
                           "+int m;\n"
                           "diff --git a/old/gone.h b/old/gone.h\n"
                           "deleted file mode 100644\n"
                           "--- a/old/gone.h\n"
                           "+++ /dev/null\n"
                           "@@ -1 +0,0 @@\n"
                           "-int g;\n"
                           "diff --git a/src/b.cpp b/src/b.cpp\n"
                           "--- a/src/b.cpp\n"
                           "+++ b/src/b.cpp\n"
                           "@@ -1 +1 @@\n"
                           "-int b;\n"
                           "+int bb;\n");
}

TEST(Emit, NothingChangedPrintsNothing) {
  EXPECT_EQ(diffOf({modified("a.cpp", "x\n", "x\n")}), "");
  EXPECT_EQ(statOf({modified("a.cpp", "x\n", "x\n")}), "");
}

TEST(Emit, EmptyCreatedFileIsAHeaderOnly) {
  EXPECT_EQ(diffOf({created("empty.h", "")}),
            "diff --git a/empty.h b/empty.h\nnew file mode 100644\n");
}

TEST(Emit, PathsAreQuotedAsGitQuotesThem) {
  EXPECT_EQ(diffOf({modified("dir one/a.cpp", "a\n", "b\n")}),
            "diff --git a/dir one/a.cpp b/dir one/a.cpp\n"
            "--- a/dir one/a.cpp\t\n"
            "+++ b/dir one/a.cpp\t\n"
            "@@ -1 +1 @@\n-a\n+b\n");
  EXPECT_THAT(diffOf({modified("q\"t\\.cpp", "a\n", "b\n")}),
              StartsWith("diff --git \"a/q\\\"t\\\\.cpp\" \"b/q\\\"t\\\\.cpp\"\n"));
}

TEST(Emit, DiffStatLikeGit) {
  std::vector<MaterializedFile> Files = {
      modified("services/inventory_service.cpp", "a\nb\nc\n", "a\nB\nc\nd\n"),
      created("metrics/registry.h", "1\n2\n3\n"),
      deleted("a.h", "x\n"),
  };
  EXPECT_EQ(statOf(Files), " a.h                            | 1 -\n"
                           " metrics/registry.h             | 3 +++\n"
                           " services/inventory_service.cpp | 3 ++-\n"
                           " 3 files changed, 5 insertions(+), 2 deletions(-)\n");
  EXPECT_EQ(statOf({modified("a", "x\n", "y\n")}),
            " a | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)\n");
  EXPECT_EQ(statOf({modified("a", "", "y\n")}),
            " a | 1 +\n 1 file changed, 1 insertion(+)\n");
}

TEST(Emit, DiffStatScalesWideGraphs) {
  std::string Many;
  for (int I = 0; I < 200; ++I)
    Many += std::to_string(I) + "\n";
  std::string Out = statOf({created("big.cpp", Many), created("small.cpp", "1\n")});
  // 80 columns: the graph shrinks to fit (80 - 9 - 3 - 6 = 62), and a small
  // change keeps one column.
  EXPECT_EQ(Out, " big.cpp   | 200 " + std::string(62, '+') + "\n"
                 " small.cpp |   1 +\n"
                 " 2 files changed, 201 insertions(+)\n");
}

class EmitOnDisk : public ::testing::Test {
protected:
  TempDir Dir;
  MaterializeOptions Opts{Dir.Root, ""};
  ApplyOptions Apply{Dir.Root, ""};
};

TEST_F(EmitOnDisk, ApplyWritesCreatesAndDeletes) {
  Dir.write("src/a.cpp", "int a;\n");
  Dir.write("src/gone.cpp", "int g;\n");
  Dir.write("src/same.cpp", "int s;\n");
  std::string Script = Dir.path("src/run.sh");
  Dir.write("src/run.sh", "echo 1\n");
  llvm::sys::fs::setPermissions(Script, llvm::sys::fs::perms(0755));
  std::vector<MaterializedFile> Files = {
      modified("src/a.cpp", "int a;\n", "int aa;\n"),
      deleted("src/gone.cpp", "int g;\n"),
      created("new/deep/made.h", "int m;\n"),
      modified("src/same.cpp", "int s;\n", "int s;\n"),
      modified("src/run.sh", "echo 1\n", "echo 2\n"),
  };
  ASSERT_FALSE(static_cast<bool>(applyFiles(Files, Apply)));
  EXPECT_EQ(Dir.read("src/a.cpp"), "int aa;\n");
  EXPECT_EQ(Dir.read("src/gone.cpp"), std::nullopt);
  EXPECT_EQ(Dir.read("new/deep/made.h"), "int m;\n");
  EXPECT_EQ(Dir.read("src/same.cpp"), "int s;\n");
  EXPECT_EQ(Dir.read("src/run.sh"), "echo 2\n");
  auto Perms = llvm::sys::fs::getPermissions(Script);
  ASSERT_TRUE(static_cast<bool>(Perms));
  EXPECT_EQ(*Perms & llvm::sys::fs::all_exe, llvm::sys::fs::all_exe);

  // No temporary file left behind.
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir.path("src"), EC), End; It != End && !EC;
       It.increment(EC))
    EXPECT_FALSE(llvm::sys::path::filename(It->path()).starts_with("."))
        << It->path();
}

TEST_F(EmitOnDisk, ApplyRemovesTheFoldersADeletionEmpties) {
  Dir.write("include/api/metrics/service.h", "int s;\n");
  Dir.write("include/api/kept.h", "int k;\n");
  Dir.write("lib/only.h", "int o;\n");
  std::vector<MaterializedFile> Files = {
      deleted("include/api/metrics/service.h", "int s;\n"),
      deleted("lib/only.h", "int o;\n"),
  };
  ASSERT_FALSE(static_cast<bool>(applyFiles(Files, Apply)));
  // As `git rm`: emptied folders go, up to the first that still holds a file,
  // and never the root.
  EXPECT_FALSE(llvm::sys::fs::exists(Dir.path("include/api/metrics")));
  EXPECT_FALSE(llvm::sys::fs::exists(Dir.path("lib")));
  EXPECT_EQ(Dir.read("include/api/kept.h"), "int k;\n");
  EXPECT_TRUE(llvm::sys::fs::is_directory(Dir.Root));
}

TEST_F(EmitOnDisk, ApplyTouchesNothingWhenAFileChanged) {
  Dir.write("a.cpp", "int a;\n");
  Dir.write("b.cpp", "int b; // edited by hand meanwhile\n");
  Dir.write("c.cpp", "int c;\n");
  Dir.write("exists-now.h", "surprise\n");
  std::vector<MaterializedFile> Files = {
      modified("a.cpp", "int a;\n", "int aa;\n"),
      modified("b.cpp", "int b;\n", "int bb;\n"),
      deleted("c.cpp", "int c;\n"),
      created("exists-now.h", "int n;\n"),
      modified("missing.cpp", "int m;\n", "int mm;\n"),
  };
  llvm::Error Err = applyFiles(Files, Apply);
  ASSERT_TRUE(static_cast<bool>(Err));
  EXPECT_TRUE(Err.isA<EditConflictError>());
  std::string Message = llvm::toString(std::move(Err));
  EXPECT_THAT(Message, AllOf(HasSubstr("b.cpp: error: file changed since it was read"),
                             HasSubstr("exists-now.h: error: file changed since it was read"),
                             HasSubstr("missing.cpp: error: file changed since it was read"),
                             HasSubstr("nothing was written")));
  EXPECT_THAT(Message, ::testing::Not(HasSubstr("a.cpp:")));
  EXPECT_EQ(Dir.read("a.cpp"), "int a;\n");
  EXPECT_EQ(Dir.read("c.cpp"), "int c;\n");
  EXPECT_EQ(Dir.read("exists-now.h"), "surprise\n");
}

TEST_F(EmitOnDisk, ApplyRefusesReadOnlyFilesBeforeWritingAny) {
  Dir.write("a.cpp", "int a;\n");
  Dir.write("locked.cpp", "int l;\n");
  llvm::sys::fs::setPermissions(Dir.path("locked.cpp"), llvm::sys::fs::perms(0444));
  std::vector<MaterializedFile> Files = {modified("a.cpp", "int a;\n", "int aa;\n"),
                                         modified("locked.cpp", "int l;\n", "int ll;\n")};
  llvm::Error Err = applyFiles(Files, Apply);
  ASSERT_TRUE(Err.isA<WriteError>());
  EXPECT_THAT(llvm::toString(std::move(Err)),
              AllOf(HasSubstr("locked.cpp: error: file is read-only"),
                    HasSubstr("nothing was written")));
  EXPECT_EQ(Dir.read("a.cpp"), "int a;\n");
  EXPECT_EQ(Dir.read("locked.cpp"), "int l;\n");
}

/// Sets an environment variable for the scope of one test.
class ScopedEnv {
public:
  ScopedEnv(const char *Name, const char *Value) : Name(Name) { ::setenv(Name, Value, 1); }
  ~ScopedEnv() { ::unsetenv(Name); }

private:
  const char *Name;
};

TEST_F(EmitOnDisk, ApplyDiskFullWhileWritingChangesNothing) {
  Dir.write("a.cpp", "int a;\n");
  Dir.write("b.cpp", "int b;\n");
  ScopedEnv Full("METRICS_MIGRATE_TEST_FAIL_WRITE", "b.cpp");
  std::vector<MaterializedFile> Files = {modified("a.cpp", "int a;\n", "int aa;\n"),
                                         modified("b.cpp", "int b;\n", "int bb;\n"),
                                         created("c.h", "int c;\n")};
  llvm::Error Err = applyFiles(Files, Apply);
  ASSERT_TRUE(Err.isA<WriteError>());
  EXPECT_THAT(llvm::toString(std::move(Err)),
              AllOf(HasSubstr("b.cpp: error: cannot write: No space left on device"),
                    HasSubstr("nothing was written")));
  EXPECT_EQ(Dir.read("a.cpp"), "int a;\n");
  EXPECT_EQ(Dir.read("b.cpp"), "int b;\n");
  EXPECT_EQ(Dir.read("c.h"), std::nullopt);
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir.Root, EC), End; It != End && !EC;
       It.increment(EC))
    EXPECT_FALSE(llvm::StringRef(It->path()).ends_with(".tmp")) << It->path();
}

TEST_F(EmitOnDisk, ApplyFailingMidwaySaysWhatWasWrittenAndBackupsKeepTheOriginals) {
  Dir.write("a.cpp", "int a;\n");
  Dir.write("b.cpp", "int b;\n");
  Dir.write("src/c.cpp", "int c;\n");
  ScopedEnv Broken("METRICS_MIGRATE_TEST_FAIL_RENAME", "b.cpp");
  Apply.BackupDir = Dir.path("backup");
  std::vector<MaterializedFile> Files = {modified("a.cpp", "int a;\n", "int aa;\n"),
                                         modified("b.cpp", "int b;\n", "int bb;\n"),
                                         modified("src/c.cpp", "int c;\n", "int cc;\n")};
  llvm::Error Err = applyFiles(Files, Apply);
  ASSERT_TRUE(Err.isA<WriteError>());
  EXPECT_THAT(llvm::toString(std::move(Err)),
              AllOf(HasSubstr("b.cpp: error: cannot replace: Input/output error"),
                    HasSubstr("written (new text): a.cpp\n"),
                    HasSubstr("not written (old text): b.cpp, src/c.cpp")));
  // Each file wholly old or wholly new.
  EXPECT_EQ(Dir.read("a.cpp"), "int aa;\n");
  EXPECT_EQ(Dir.read("b.cpp"), "int b;\n");
  EXPECT_EQ(Dir.read("src/c.cpp"), "int c;\n");
  EXPECT_EQ(Dir.read("backup/a.cpp"), "int a;\n");
  EXPECT_EQ(Dir.read("backup/b.cpp"), "int b;\n");
  EXPECT_EQ(Dir.read("backup/src/c.cpp"), "int c;\n");
}

/// A few before/after pairs covering every header and newline case.
std::vector<MaterializedFile> patchCases() {
  std::string Long, LongAfter;
  for (int I = 1; I <= 40; ++I) {
    Long += "line " + std::to_string(I) + "\n";
    LongAfter += I == 1    ? "first changed\n"
                 : I == 20 ? "line 20\nline 20.5\n"
                 : I == 40 ? "last changed\n"
                           : "line " + std::to_string(I) + "\n";
  }
  std::string Many;
  for (int I = 0; I < 150; ++I)
    Many += "generated " + std::to_string(I) + "\n";
  return {
      modified("src/long.cpp", Long, LongAfter),
      modified("src/no-newline.txt", "a\nb", "a\nc"),
      modified("src/add-newline.txt", "a\nb", "a\nb\n"),
      modified("src/drop-newline.txt", "a\nb\n", "a\nb"),
      modified("src/from-empty.txt", "", "x\ny\n"),
      modified("src/to-empty.txt", "x\ny\n", ""),
      modified("dir with space/f.cpp", "int f;\n", "int g;\n"),
      modified("src/unchanged.cpp", "same\n", "same\n"),
      created("new/dir/created.h", "#pragma once\nint c;\n"),
      created("new/empty.h", ""),
      created("a/very/long/directory/path/that/goes/on/and/on/generated_file.cpp", Many),
      deleted("src/gone.cpp", "int g;\nint h;\n"),
  };
}

TEST_F(EmitOnDisk, GitApplyAcceptsTheDiffAndAgreesOnTheStat) {
  llvm::ErrorOr<std::string> Git = llvm::sys::findProgramByName("git");
  if (!Git)
    GTEST_SKIP() << "git is not installed";
  std::vector<MaterializedFile> Files = patchCases();
  std::string Repo = Dir.path("repo");
  for (const MaterializedFile &F : Files)
    if (!F.Created)
      Dir.write("repo/" + F.File, F.Before);

  std::string Out;
  auto InRepo = [&](std::vector<llvm::StringRef> Args) {
    std::vector<llvm::StringRef> Full = {"-C", Repo, "-c", "user.name=mm", "-c",
                                         "user.email=mm@example.com", "-c",
                                         "core.autocrlf=false"};
    Full.insert(Full.end(), Args.begin(), Args.end());
    return run(*Git, Full, Dir, Out);
  };
  ASSERT_EQ(InRepo({"init", "-q"}), 0) << Out;
  ASSERT_EQ(InRepo({"add", "-A"}), 0) << Out;
  ASSERT_EQ(InRepo({"commit", "-q", "-m", "before"}), 0) << Out;

  Dir.write("patch.diff", diffOf(Files));
  std::string Patch = Dir.path("patch.diff");
  ASSERT_EQ(InRepo({"apply", "--check", Patch}), 0) << Out << "\n" << diffOf(Files);
  ASSERT_EQ(InRepo({"apply", Patch}), 0) << Out;
  for (const MaterializedFile &F : Files) {
    if (F.Deleted)
      EXPECT_EQ(Dir.read("repo/" + F.File), std::nullopt) << F.File;
    else
      EXPECT_EQ(Dir.read("repo/" + F.File), F.After) << F.File;
  }

  ASSERT_EQ(InRepo({"add", "-A"}), 0) << Out;
  ASSERT_EQ(InRepo({"diff", "--cached", "--no-renames", "--stat=80"}), 0) << Out;
  EXPECT_EQ(statOf(Files), Out);
}

TEST_F(EmitOnDisk, ExportFixesRoundTripsThroughYaml) {
  const char *Code = "#include \"b.h\"\n\nint   f( ) { return old( 1 ); }\n";
  Dir.write("src/f.cpp", Code);
  Dir.write("src/gone.h", "int g;\n");
  EditSet Edits;
  FileChange &F = Edits.file("src/f.cpp");
  F.Edits = {edit(Code, "old( 1 )", "fresh(1)")};
  F.AddIncludes = {"\"a.h\""};
  Edits.file("src/gone.h").Delete = true;

  std::string Yaml = Dir.path("fixes/fixes.yaml");
  llvm::sys::fs::create_directories(Dir.path("fixes"));
  ASSERT_FALSE(static_cast<bool>(writeExportFixes(Yaml, Edits, Opts)));

  auto Buffer = llvm::MemoryBuffer::getFile(Yaml);
  ASSERT_TRUE(static_cast<bool>(Buffer));
  clang::tooling::TranslationUnitReplacements Doc;
  llvm::yaml::Input In((*Buffer)->getBuffer());
  In >> Doc;
  ASSERT_FALSE(In.error());
  EXPECT_EQ(Doc.MainSourceFile, "");

  std::vector<clang::tooling::Replacement> Expected;
  for (const auto &[Path, Change] : Edits.Files) {
    auto Before = readBefore(Change, Opts);
    ASSERT_TRUE(static_cast<bool>(Before));
    auto Repls = computeReplacements(Change, *Before, Opts);
    ASSERT_TRUE(static_cast<bool>(Repls)) << llvm::toString(Repls.takeError());
    for (const auto &R : *Repls)
      Expected.emplace_back(Dir.path(Path), R.getOffset(), R.getLength(),
                            R.getReplacementText());
  }
  ASSERT_EQ(Doc.Replacements.size(), Expected.size());
  for (size_t I = 0; I < Expected.size(); ++I)
    EXPECT_EQ(Doc.Replacements[I], Expected[I]) << I;
  EXPECT_TRUE(llvm::sys::path::is_absolute(Doc.Replacements.front().getFilePath()));

  // The replacements are the whole change: includes and formatting too.
  auto Files = materializeAll(Edits, Opts);
  ASSERT_TRUE(static_cast<bool>(Files));
  std::map<std::string, std::string> Texts = {
      {Dir.path("src/f.cpp"), Code}, {Dir.path("src/gone.h"), "int g;\n"}};
  std::map<std::string, clang::tooling::Replacements> ByFile;
  for (const auto &R : Doc.Replacements)
    ASSERT_FALSE(static_cast<bool>(ByFile[std::string(R.getFilePath())].add(R)));
  for (const MaterializedFile &M : *Files) {
    auto After = clang::tooling::applyAllReplacements(Texts[Dir.path(M.File)],
                                                      ByFile[Dir.path(M.File)]);
    ASSERT_TRUE(static_cast<bool>(After));
    EXPECT_EQ(*After, M.After) << M.File;
  }
}

TEST_F(EmitOnDisk, ExportFixesReportsConflicts) {
  Dir.write("c.cpp", "int abc;\n");
  EditSet Edits;
  Edit A = edit("int abc;\n", "abc", "x"), B = edit("int abc;\n", "bc", "y");
  A.Origin = "first rule";
  B.Origin = "second rule";
  Edits.file("c.cpp").Edits = {A, B};
  llvm::Error Err = writeExportFixes(Dir.path("fixes.yaml"), Edits, Opts);
  ASSERT_TRUE(static_cast<bool>(Err));
  EXPECT_THAT(llvm::toString(std::move(Err)),
              AllOf(HasSubstr("'first rule'"), HasSubstr("'second rule'")));
  EXPECT_FALSE(llvm::sys::fs::exists(Dir.path("fixes.yaml")));
}

TEST_F(EmitOnDisk, ClangApplyReplacementsAgreesWithMaterialize) {
#ifndef MM_CLANG_APPLY_REPLACEMENTS
  GTEST_SKIP() << "clang-apply-replacements was not found at configure time";
#else
  if (!llvm::sys::fs::can_execute(MM_CLANG_APPLY_REPLACEMENTS))
    GTEST_SKIP() << MM_CLANG_APPLY_REPLACEMENTS << " is not executable";
  const char *Service = "#include \"metrics/service.h\"\n"
                        "#include \"inventory.h\"\n"
                        "\n"
                        "#include <string>\n"
                        "\n"
                        "void   Inventory::Add( const std::string& p, int q ) {\n"
                        "  stock_[p] += q;\n"
                        "  metrics_.RecordQuantityChange(\"add\", q);\n"
                        "}\n";
  const char *Header = "#pragma once\nstruct Inventory {\n  int   a;\n  int &metrics_;\n};\n";
  Dir.write("src/inventory.cpp", Service);
  Dir.write("src/inventory.h", Header);
  EditSet Edits;
  FileChange &Cpp = Edits.file("src/inventory.cpp");
  Cpp.Edits = {edit(Service, "metrics_.RecordQuantityChange(\"add\", q)",
                    "INVENTORY_QUANTITY_CHANGES_TOTAL.Add({{\"operation\", \"add\"}})"
                    ".Increment(q)")};
  Cpp.AddIncludes = {"\"metrics/registry.h\"", "<prometheus/counter.h>"};
  Cpp.RemoveIncludes = {"\"metrics/service.h\""};
  Edits.file("src/inventory.h").Edits = {edit(Header, "  int &metrics_;\n", "")};

  auto Files = materializeAll(Edits, Opts);
  ASSERT_TRUE(static_cast<bool>(Files)) << llvm::toString(Files.takeError());
  llvm::sys::fs::create_directories(Dir.path("fixes"));
  ASSERT_FALSE(static_cast<bool>(
      writeExportFixes(Dir.path("fixes/metrics-migrate.yaml"), Edits, Opts)));

  std::string Out;
  ASSERT_EQ(run(MM_CLANG_APPLY_REPLACEMENTS, {Dir.path("fixes")}, Dir, Out), 0) << Out;
  for (const MaterializedFile &F : *Files)
    EXPECT_EQ(Dir.read(F.File), F.After) << F.File;
#endif
}

} // namespace
} // namespace mm
