const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y

/**
 * Offset of the first JSON syntax error in `text`, or -1 when it is valid. Used only after `JSON.parse` failed,
 * because V8's messages do not always say where.
 *
 * @example
 * jsonErrorOffset('{"a": tru}') // 6
 */
export function jsonErrorOffset(text: string): number {
  const n = text.length
  let i = 0
  const ws = () => {
    for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(++i));
  }
  const string = (): boolean => {
    i++
    while (i < n) {
      const c = text.charCodeAt(i)
      if (c === 34) {
        i++
        return true
      }
      if (c < 0x20) return false
      if (c === 92) {
        const e = text[i + 1]
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false
          i += 6
          continue
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) return false
        i += 2
        continue
      }
      i++
    }
    return false
  }
  const value = (): boolean => {
    ws()
    const c = text[i]
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']'
      i++
      ws()
      if (text[i] === close) {
        i++
        return true
      }
      for (;;) {
        if (c === '{') {
          ws()
          if (text[i] !== '"' || !string()) return false
          ws()
          if (text[i] !== ':') return false
          i++
        }
        if (!value()) return false
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === close) {
          i++
          return true
        }
        return false
      }
    }
    if (c === '"') return string()
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length
        return true
      }
    }
    NUMBER.lastIndex = i
    if (NUMBER.test(text)) {
      i = NUMBER.lastIndex
      return true
    }
    return false
  }
  if (!value()) return Math.min(i, n)
  ws()
  return i < n ? i : -1
}

/** 1-based line and column of `offset` in `text`, counted from (`line`, `column`) where the text starts. */
export function positionAt(
  text: string,
  offset: number,
  line: number,
  column: number,
): { line: number; column: number } {
  let l = line
  let lineStart = -1
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    l++
    lineStart = i
  }
  return { line: l, column: lineStart === -1 ? column + offset : offset - lineStart }
}
