-- appeal-audit schema, version 8: posts by department. After an import touches the directory,
-- every department's posts get its publisher again (`UPDATE posts ... WHERE department = ?`);
-- without this index each department scanned every post, so 1,400 gov.kz bodies of 20 posts
-- took 7 s and 139 MiB to import instead of well under a second (BENCHMARKS.md, issue 21).
CREATE INDEX posts_by_department ON posts (department, publisher);
