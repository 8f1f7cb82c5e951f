"""The `fzlint outline` view: the heading tree with the part each heading begins, then where each
part of the genre was found (or not)."""

from __future__ import annotations

_HOW = {"heading": "标题", "nested": "嵌套标题", "topics": "按主题分节", "inline": "仅正文提及"}


def render(outline, width: int = 120, paragraphs: bool = False) -> str:
    from rich.console import Console
    from rich.markup import escape
    from rich.tree import Tree

    unit = "段" if paragraphs else "行"
    label = outline.title or "（无标题）"
    tree = Tree(f"[bold]{escape(label)}[/]  [dim]{outline.year or '年度未知'} · {escape(outline.issuer or '主体未知')}[/]")
    _add(tree, outline.nodes, unit)
    console = Console(highlight=False, width=max(width, 120), record=True, file=_Sink())
    console.print(tree)
    for name, line, how in outline.parts:
        where = f"第 {line} {unit}（{_HOW[how]}）" if line is not None else "未找到"
        console.print(f"  {name}：{where}")
    return console.export_text()


def _add(tree, nodes, unit: str) -> None:
    from rich.markup import escape

    for node in nodes:
        tag = f"  [green]← {node.part}[/]" if node.part else ""
        title = node.title if len(node.title) <= 30 else node.title[:30] + "…"
        branch = tree.add(f"{node.marker}{escape(title)}  [dim]第{node.line}{unit}[/]{tag}")
        _add(branch, node.children, unit)


class _Sink:
    """rich records the text; nothing is written while rendering."""

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass
