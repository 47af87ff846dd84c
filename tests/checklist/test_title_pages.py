"""The checklist reads its titles from the pages wherever docs_dir is (a test or a deployment
may keep the docs outside the config's folder): messages name such a page by its whole path."""

from wallet_guide.checklist.plugin import title_pages


def test_titles_are_read_from_a_docs_dir_outside_the_project(tmp_path):
    project, docs = tmp_path / "project", tmp_path / "elsewhere" / "docs"
    project.mkdir()
    (docs / "en").mkdir(parents=True)
    (docs / "en" / "causes.md").write_text("# Causes\n\n## 2. Low balance {#balance}\n", encoding="utf-8")
    pages = title_pages(project, docs, ["en"], {"cause": "causes.md"})
    page = pages["en"]["cause"]
    assert page.name == (docs / "en" / "causes.md").as_posix()
    assert page.sections is not None and "balance" in page.sections


def test_a_page_inside_the_project_is_named_from_the_projects_folder(tmp_path):
    (tmp_path / "docs" / "en").mkdir(parents=True)
    pages = title_pages(tmp_path, tmp_path / "docs", ["en"], {"fix": "solutions.md"})
    assert pages["en"]["fix"].name == "docs/en/solutions.md"
    assert pages["en"]["fix"].sections is None  # missing: the loader names it with the fix
