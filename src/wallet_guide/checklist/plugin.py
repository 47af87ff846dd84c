"""The causes checklist: <!-- wallet-guide:checklist --> in a page becomes the checklist."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from wallet_guide import build_state
from wallet_guide.assets import link_assets, publish_without_comments
from wallet_guide.checklist.config import ChecklistConfig
from wallet_guide.checklist.render import (
    ANCHOR_PREFIX,
    MARKER,
    MARKERS,
    SUMMARY_MARKER,
    TRIAGE_MARKER,
    Links,
    insert_before_steps,
    insert_checklist,
    insert_solved,
    marker_mistake,
    render_charged_section,
    render_checklist,
    render_solved,
    render_summary,
    render_triage,
    repeated_ids,
    template_env,
)
from wallet_guide.conversion.convert import with_generated
from wallet_guide.data.checklist import Checklist, load_checklist
from wallet_guide.data.headings import TitlePage, title_page
from wallet_guide.data.our_advice import load_advice
from wallet_guide.data.questions import load_questions
from wallet_guide.data.support_channels import load_channels
from wallet_guide.data.url_contract import Contract, ContractPage, load_contract
from wallet_guide.texts import locate, texts_of

HERE = Path(__file__).parent
ASSETS = HERE / "assets"
TEMPLATES = HERE / "templates"


class ChecklistPlugin(BasePlugin[ChecklistConfig]):
    def __init__(self) -> None:
        self.checklist: Checklist | None = None
        self.contract: Contract | None = None
        self.env: jinja2.Environment | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.checklist, self.contract = load_site_checklist(config, self.config)  # once a build
        for path in (self.config.links_solutions, self.config.links_support, self.config.links_checklist):
            self._contract_page(path)  # fail now, not on the first page with a checklist
        mistake = endpoint_mistake(self.config.feedback_endpoint)
        if mistake:
            raise PluginError(f"mkdocs.yml: wallet-guide-checklist: feedback_endpoint {mistake}")
        # Last, so that a site's overrides/fragments/checklist.html wins over ours.
        if str(TEMPLATES) not in config.theme.dirs:
            config.theme.dirs.append(str(TEMPLATES))
        # One environment per build: a new one per language pass compiled the fragments again
        # (4 languages x 5 fragments: 20 of a build's 65 compiles, 2026-12-03).
        if self.env is None or build_state.in_outer_build(config):
            self.env = template_env(config.theme.dirs)
        link_assets(config, scripts=("checklist.js",), styles=("checklist.css",))
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        # Every page loads them: their comments (a quarter of them, compressed) stay in the source.
        for name in ("checklist.js", "checklist.css"):
            publish_without_comments(files, config, ASSETS / name)
        return files

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files):
        if not self.config.enabled:
            return html
        where = page.file.src_uri
        for marker in MARKERS:
            mistake = marker in html and marker_mistake(html, marker)
            if mistake:
                raise PluginError(f"{where}: {mistake}")
        lang = build_state.page_language(page, config).code
        links = self._links(page, lang)
        env, checklist = self._read()
        if TRIAGE_MARKER in html:
            html = insert_checklist(html, render_triage(env, checklist, lang, links), TRIAGE_MARKER)
        if SUMMARY_MARKER in html:
            html = insert_checklist(html, render_summary(env, checklist, lang, links), SUMMARY_MARKER)
        if self._is_page(page, lang, self.config.links_solutions):
            # Before any step that spends money again: did the money go? (the guide's own advice)
            steps = [cause.id for cause in checklist.causes]
            html = insert_before_steps(html, render_charged_section(env, checklist, lang, links), steps)
            fragments = render_solved(env, checklist, lang, links, self.config.feedback_endpoint)
            html, missing = insert_solved(html, fragments)
            if missing:
                raise PluginError(
                    f"{where}: no section with the id {', '.join(missing)}, which "
                    f"{self.config.data_file} lists; give each step its cause's id"
                )
        if MARKER not in html:
            return html
        prefix = "" if Path(where).name == self.config.anchors_page else ANCHOR_PREFIX
        fragment = render_checklist(env, checklist, lang, links, prefix)
        repeated = repeated_ids(html, fragment)
        if repeated:
            raise PluginError(
                f"{where}: the page already has the ids {', '.join(repeated)}, which its checklist "
                f"would repeat; set anchors_page in mkdocs.yml to the page meant to carry them"
            )
        return insert_checklist(html, fragment)

    def _read(self) -> tuple[jinja2.Environment, Checklist]:
        """The templates and the checklist that on_config read (page hooks run after it)."""
        if self.env is None or self.checklist is None:
            raise PluginError(
                "wallet-guide-checklist: a page was rendered before on_config read the checklist"
            )
        return self.env, self.checklist

    def _read_contract(self) -> Contract:
        if self.contract is None:
            raise PluginError("wallet-guide-checklist: the URL contract is used before on_config read it")
        return self.contract

    def _contract_page(self, path: str) -> ContractPage:
        return contract_page(self._read_contract(), path, self.config.contract_file)

    def _is_page(self, page: Page, lang: str, path: str) -> bool:
        return self._read_contract().url(lang, self._contract_page(path)).lstrip("/") == page.url

    def _links(self, page: Page, lang: str) -> Links:
        def url(path: str) -> str:
            target = self._read_contract().url(lang, self._contract_page(path)).lstrip("/")
            return get_relative_url(target, page.url)

        return Links(
            causes=url(self.config.links_causes),
            solutions=url(self.config.links_solutions),
            support=url(self.config.links_support),
            checklist=url(self.config.links_checklist),
        )


def contract_page(contract: Contract, path: str, contract_file: str) -> ContractPage:
    """The page of the URL contract at ``path`` (one of the plugin's links_* options)."""
    for page in contract.pages:
        if page.path == path:
            return page
    paths = ", ".join(p.path or "(home)" for p in contract.pages)
    raise PluginError(
        f"mkdocs.yml: wallet-guide-checklist: '{path}' is not a page of {contract_file} ({paths})"
    )


# The last checklist read, and the build (config) and settings it was read for.
_last_read: tuple[MkDocsConfig, ChecklistConfig, tuple[Checklist, Contract]] | None = None


def load_site_checklist(config: MkDocsConfig, options: ChecklistConfig) -> tuple[Checklist, Contract]:
    """The site's checklist (``options``: the plugin's settings in mkdocs.yml), read and checked
    against the URL contract, in every language: the loader the plugin and the content API
    (wallet_guide.build_state.loaded_checklist) both use. Read once per build: the config
    object is the build's (static-i18n's passes share it; `mkdocs serve` loads a new one per
    rebuild, so an edit is read again)."""
    global _last_read
    if _last_read is not None and _last_read[0] is config and _last_read[1] is options:
        return _last_read[2]
    read = _read_site_checklist(config, options)
    _last_read = (config, options, read)
    return read


def _read_site_checklist(config: MkDocsConfig, options: ChecklistConfig) -> tuple[Checklist, Contract]:
    root = Path(config.config_file_path).parent
    generated = build_state.generated_languages(config)
    contract = load_contract(root / options.contract_file)
    # A generated language's causes are its source's, converted below.
    languages = [lang.code for lang in build_state.languages(config) if lang.code not in generated]
    checklist = load_checklist(
        root / options.data_file,
        root / options.data_schema,
        cause_ids=contract_page(contract, options.links_causes, options.contract_file).ids,
        languages=languages,
        name=options.data_file,
        names={language.code: language.name for language in build_state.languages(config)},
        labels={
            language.code: texts_of(config, language, "checklist")
            for language in build_state.languages(config)
        },
        labels_at=lambda code, path: locate(config, code, ("checklist", *path)),
        titles=title_pages(
            root,
            Path(config.docs_dir),
            languages,
            {
                field: contract_page(contract, path, options.contract_file).source
                for field, path in (("cause", options.links_causes), ("fix", options.links_solutions))
            },
        ),
    )
    checklist = with_paths(checklist, config, root, options)
    return with_generated_checklist(checklist, generated), contract


def title_pages(
    root: Path, docs_dir: Path, languages: Sequence[str], sources: Mapping[str, str]
) -> dict[str, dict[str, TitlePage]]:
    """Per language, the page each title field's headings are read from (``sources``: field ->
    the page's file in a language's folder, static-i18n's docs/<code>/)."""

    def named(path: Path) -> str:
        """As messages name it: from the project's folder, or whole when docs_dir is elsewhere."""
        return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()

    return {
        code: {
            field: title_page(docs_dir / code / source, named(docs_dir / code / source))
            for field, source in sources.items()
        }
        for code in languages
    }


def endpoint_mistake(endpoint: str | None) -> str | None:
    """Why the answers' address cannot be used, if it cannot: None when unset or valid."""
    if endpoint is None:
        return None
    parsed = urlsplit(endpoint)
    if endpoint.startswith("/") and not endpoint.startswith("//"):
        return None
    if parsed.scheme == "https" and parsed.netloc:
        return None
    if parsed.scheme == "http" and parsed.hostname in ("localhost", "127.0.0.1"):
        return None
    return (
        f"{endpoint!r} is not an https:// address nor a path of this site (/…) — write, for "
        "example, https://feedback.example.com/wallet-guide or /api/feedback, or remove it"
    )


def with_generated_checklist(checklist: Checklist, generated) -> Checklist:
    """The checklist with each generated language's causes, questions, own advice and channel
    names converted from its source's (its interface texts, ``labels`` and ``guide_labels``,
    come converted from wallet_guide.texts)."""
    causes = tuple(replace(cause, texts=with_generated(cause.texts, generated)) for cause in checklist.causes)
    questions = tuple(
        replace(
            question,
            texts=with_generated(question.texts, generated),
            answers=tuple(replace(a, texts=with_generated(a.texts, generated)) for a in question.answers),
        )
        for question in checklist.questions
    )
    charged = checklist.charged and replace(
        checklist.charged, texts=with_generated(checklist.charged.texts, generated)
    )
    channels = tuple(replace(c, names=with_generated(c.names, generated)) for c in checklist.channels)
    return replace(checklist, causes=causes, questions=questions, charged=charged, channels=channels)


def with_paths(checklist: Checklist, config: MkDocsConfig, root: Path, options: ChecklistConfig) -> Checklist:
    """The checklist with the reader's paths around it: the guided flow (questions: of the same
    file), the guide's own advice, the deployment's support channels, and their interface texts."""
    cause_ids = [cause.id for cause in checklist.causes]
    sources = [lang for lang in checklist.causes[0].texts] if checklist.causes else []
    return replace(
        checklist,
        questions=load_questions(root / options.data_file, options.data_file, cause_ids, sources),
        charged=load_advice(root / options.advice_file, options.advice_file, cause_ids, sources),
        channels=load_channels(root / options.support_channels_file, options.support_channels_file, sources),
        guide_labels={
            language.code: texts_of(config, language, "guide") for language in build_state.languages(config)
        },
    )
