"""/docs: the OpenAPI schema as a self-contained HTML page (Swagger UI would load its scripts from a CDN)."""
from __future__ import annotations

import html
import json
from functools import lru_cache

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

__all__ = ["router", "render"]

router = APIRouter(include_in_schema=False)

_STYLE = """body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:60rem;margin:1rem auto;
padding:0 1rem;color:#1d1d1f}h2{border-bottom:2px solid #b71c1c;padding-bottom:.2rem;margin-top:2rem}
.op{border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;margin:1rem 0}.method{font-weight:bold;color:#fff;
background:#b71c1c;border-radius:3px;padding:0 .4rem;margin-right:.4rem}code,pre{font-family:ui-monospace,Menlo,
Consolas,monospace}pre{background:#f6f6f6;padding:.5rem;overflow:auto;max-height:20rem}td,th{text-align:left;
vertical-align:top;padding:.2rem .5rem;border-bottom:1px solid #eee}"""


def _e(value: object) -> str:
    return html.escape(str(value))


@lru_cache(maxsize=1)
def _markdown():
    from markdown_it import MarkdownIt
    # CommonMark with raw HTML off: a description's `<tag>` shows as text; unsafe link schemes are dropped.
    return MarkdownIt("commonmark", {"html": False})


def _md(text: object) -> str:
    """A description written in Markdown (as OpenAPI says descriptions are), as HTML."""
    return _markdown().render(str(text))


def _md_inline(text: object) -> str:
    return _markdown().renderInline(str(text))


def _example_text(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, indent=2)


def _parameters(operation: dict) -> str:
    rows = []
    for p in operation.get("parameters", []):
        examples = p.get("examples") or p.get("schema", {}).get("examples") or []
        if isinstance(examples, dict):
            examples = [v.get("value") for v in examples.values()]
        rows.append(f"<tr><td><code>{_e(p['name'])}</code></td><td>{_e(p['in'])}</td>"
                    f"<td>{_md_inline(p.get('description', ''))}</td>"
                    f"<td>{'<br>'.join(f'<code>{_e(_example_text(x))}</code>' for x in examples)}</td></tr>")
    if not rows:
        return ""
    return "<table><tr><th>parameter</th><th>in</th><th>meaning</th><th>example</th></tr>" + "".join(rows) + "</table>"


def _examples(operation: dict) -> str:
    parts = []
    for where, content in [("request", operation.get("requestBody", {}).get("content", {}))] + [
            (f"response {code}", r.get("content", {})) for code, r in operation.get("responses", {}).items()]:
        for media, body in content.items():
            if "example" in body:
                parts.append(f"<p>{_e(where)} <code>{_e(media)}</code></p><pre>{_e(_example_text(body['example']))}</pre>")
    statuses = [f"<li><code>{_e(code)}</code> {_md_inline(r.get('description', ''))}</li>"
                for code, r in operation.get("responses", {}).items()]
    return "".join(parts) + (f"<ul>{''.join(statuses)}</ul>" if statuses else "")


def render(schema: dict) -> str:
    """The page for an OpenAPI schema: each operation with its description, parameters and examples."""
    info = schema.get("info", {})
    body = [f"<h1>{_e(info.get('title', ''))} {_e(info.get('version', ''))}</h1>",
            _md(info.get("description", "")),
            "<p>Machine-readable schema: <a href='/openapi.json'>/openapi.json</a></p>"]
    for path, methods in schema.get("paths", {}).items():
        body.append(f"<h2><code>{_e(path)}</code></h2>")
        for method, operation in methods.items():
            body.append(f"<div class='op'><p><span class='method'>{_e(method.upper())}</span>"
                        f"<strong>{_e(operation.get('summary', ''))}</strong></p>"
                        f"{_md(operation.get('description', ''))}{_parameters(operation)}{_examples(operation)}</div>")
    return (f"<!DOCTYPE html><html lang='zh'><head><meta charset='utf-8'><title>API · dangjian</title>"
            f"<style>{_STYLE}</style></head><body>{''.join(body)}</body></html>")


@router.get("/docs")
async def docs(request: Request) -> HTMLResponse:
    """The API documentation, readable offline."""
    return HTMLResponse(render(request.app.openapi()))
