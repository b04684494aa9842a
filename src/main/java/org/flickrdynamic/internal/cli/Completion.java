package org.flickrdynamic.internal.cli;

import java.util.ArrayList;
import java.util.List;

import org.flickrdynamic.table.ArgumentSpec;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.MethodTable;

/**
 * {@code flickr completion bash|zsh}: a shell completion script generated from the method table, so it
 * completes the options, the subcommands, every method name (with or without {@code flickr.}) and, after
 * a method, that method's own argument names as {@code name=}. Arguments already on the line are not
 * offered again. Bash hands the function the line split at {@code =} as well as at blanks
 * (COMP_WORDBREAKS); the bash script joins the pieces again from COMP_LINE, by itself.
 */
final class Completion {
    static final String OPTIONS = "--sandbox --endpoint --help --version --list --xpath --all-pages --output";
    static final String SUBCOMMANDS = "auth completion methods";
    /** The options followed by a value, as a case pattern: both scripts skip the value when looking for the method. */
    static final String VALUED = "--output|-o|--endpoint|--xpath|--help|-h|--list";

    private Completion() {
    }

    /** The bash script: {@code source <(flickr completion bash)}. */
    static String bash(MethodTable table) {
        StringBuilder sb = new StringBuilder();
        sb.append("# bash completion for flickr (flickr-dynamic), generated from its method table.\n")
                .append("# Install: source <(bin/flickr completion bash), or save it under\n")
                .append("# ~/.local/share/bash-completion/completions/flickr\n");
        sb.append("_flickr_dynamic_methods='").append(String.join(" ", names(table))).append("'\n");
        argumentsCases(table, "echo '", "'", sb);
        sb.append("""
                  esac
                }
                # Bash splits COMP_WORDS at the characters of COMP_WORDBREAKS as well as at blanks, so
                # tags=cat arrives as tags, =, cat. This joins again the pieces no blank separates in
                # COMP_LINE, and sets the caller's words, cword and cur (the word at the cursor, up to the
                # cursor). Without a COMP_LINE that matches COMP_WORDS, it joins each piece made of break
                # characters alone with its neighbours. It needs no bash-completion package.
                _flickr_dynamic_words() {
                  local line="${COMP_LINE-}" at=0 start=0 i w gap n tracked=1 breaks="${COMP_WORDBREAKS-}"
                  words=() cword=0 cur=""
                  [ -n "$line" ] || tracked=0
                  for (( i = 0; i < ${#COMP_WORDS[@]}; i++ )); do
                    w="${COMP_WORDS[i]}"
                    if (( tracked )); then
                      gap="${line%%[![:space:]]*}"
                      line="${line:${#gap}}"
                      start=$(( at + ${#gap} )) at=$(( at + ${#gap} + ${#w} ))
                      if [ "${line:0:${#w}}" = "$w" ]; then line="${line:${#w}}"; else tracked=0; fi
                    fi
                    if (( ! tracked )); then
                      gap=" "
                      if (( i > 0 )) && [ -n "$w" ] && [ -n "$breaks" ] && { [ -z "${w//[$breaks]/}" ] \\
                          || [[ -n "${COMP_WORDS[i-1]}" && -z "${COMP_WORDS[i-1]//[$breaks]/}" ]]; }; then
                        gap=""
                      fi
                    fi
                    if (( i > 0 )) && [ -z "$gap" ]; then words[${#words[@]}-1]+="$w"; else words+=("$w"); fi
                    if (( i == COMP_CWORD )); then
                      cword=$(( ${#words[@]} - 1 )) n=${#w}
                      (( tracked && COMP_POINT - start < n )) && n=$(( COMP_POINT - start ))
                      (( n < 0 )) && n=0
                      cur="${words[cword]:0:${#words[cword]}-${#w}+n}"
                    fi
                  done
                }
                # Bash puts a candidate in place of the text after the last COMP_WORDBREAKS character only
                # (cat in tags=cat); the candidates are whole words, so what comes before it is dropped.
                _flickr_dynamic_trim() {
                  local breaks="${COMP_WORDBREAKS-}" pre
                  if [ -n "$breaks" ] && [ ${#COMPREPLY[@]} -gt 0 ]; then
                    pre="${cur%"${cur##*[$breaks]}"}"
                    [ -z "$pre" ] || COMPREPLY=( "${COMPREPLY[@]#"$pre"}" )
                  fi
                  return 0
                }
                _flickr_dynamic_candidates() {
                  case "$prev" in
                    --output|-o) COMPREPLY=( $(compgen -f -- "$cur") ); return ;;
                    --endpoint|--xpath) return ;;
                    --help|-h|--list) COMPREPLY=( $(compgen -W "$_flickr_dynamic_methods" -- "$cur") ); return ;;
                  esac
                  case "$cur" in
                    --output=*) COMPREPLY=( $(compgen -f -P --output= -- "${cur#*=}") ); return ;;
                    --help=*|--list=*)
                      COMPREPLY=( $(compgen -W "$_flickr_dynamic_methods" -P "${cur%%=*}=" -- "${cur#*=}") ); return ;;
                  esac
                  # The first word that is neither an option nor an option's value: a method or a subcommand.
                  local first="" i w
                  for (( i = 1; i < cword; i++ )); do
                    w="${words[i]}"
                    case "$w" in
                      {{VALUED}}) (( i++ )) ;;
                      -*) ;;
                      *) first="$w"; break ;;
                    esac
                  done
                  case "$first" in
                    "")
                      COMPREPLY=( $(compgen -W "{{OPTIONS}} {{SUBCOMMANDS}} $_flickr_dynamic_methods" -- "$cur") ) ;;
                    auth)
                      if [ "$prev" = auth ]; then COMPREPLY=( $(compgen -W "login status logout use" -- "$cur") )
                      else COMPREPLY=( $(compgen -W "--perms --legacy read write delete" -- "$cur") ); fi ;;
                    completion) COMPREPLY=( $(compgen -W "bash zsh" -- "$cur") ) ;;
                    methods)
                      if [ "$prev" = methods ]; then COMPREPLY=( $(compgen -W "refresh" -- "$cur") )
                      else COMPREPLY=( $(compgen -W "--output" -- "$cur") ); fi ;;
                    *)
                      # Names given on the line, quoted ("text=big cat") or not, are not offered again;
                      # nor is anything while a value is typed (cur holds name=).
                      local args="" q="\\\"'" given=" ${words[*]} " a
                      given="${given//[$q]/}"
                      for a in $(_flickr_dynamic_arguments "$first"); do
                        case "$given" in *" $a"*) ;; *) args="$args $a" ;; esac
                      done
                      COMPREPLY=( $(compgen -W "$args {{OPTIONS}}" -- "$cur") )
                      [ "${#COMPREPLY[@]}" -gt 0 ] && [ "${COMPREPLY[0]%=}" != "${COMPREPLY[0]}" ] \\
                        && type compopt >/dev/null 2>&1 && compopt -o nospace 2>/dev/null ;;
                  esac
                }
                _flickr_dynamic() {
                  local cur prev="" cword
                  local -a words
                  _flickr_dynamic_words
                  (( cword > 0 )) && prev="${words[cword-1]}"
                  COMPREPLY=()
                  _flickr_dynamic_candidates
                  _flickr_dynamic_trim
                }
                complete -F _flickr_dynamic flickr
                """.replace("{{OPTIONS}}", OPTIONS).replace("{{SUBCOMMANDS}}", SUBCOMMANDS).replace("{{VALUED}}", VALUED));
        return sb.toString();
    }

    /** The zsh script: {@code source <(flickr completion zsh)} after {@code compinit}. */
    static String zsh(MethodTable table) {
        StringBuilder sb = new StringBuilder();
        sb.append("#compdef flickr\n")
                .append("# zsh completion for flickr (flickr-dynamic), generated from its method table.\n")
                .append("# Install: source <(bin/flickr completion zsh) after compinit, or save it as _flickr\n")
                .append("# in a directory of your $fpath.\n");
        sb.append("_flickr_dynamic_methods=(").append(String.join(" ", names(table))).append(")\n");
        argumentsCases(table, "reply=(", ")", sb);
        sb.append("""
                    *) reply=() ;;
                  esac
                }
                _flickr_dynamic() {
                  local first="" i w prev="${words[CURRENT-1]}"
                  case "$prev" in
                    --output|-o) _files; return ;;
                    --endpoint|--xpath) return ;;
                    --help|-h|--list) compadd -a _flickr_dynamic_methods; return ;;
                  esac
                  for (( i = 2; i < CURRENT; i++ )); do
                    w="${words[i]}"
                    case "$w" in
                      %s) (( i++ )) ;;
                      -*) ;;
                      *) first="$w"; break ;;
                    esac
                  done
                  case "$first" in
                    "") compadd -- %s %s; compadd -a _flickr_dynamic_methods ;;
                    auth) compadd -- login status logout use --perms --legacy read write delete ;;
                    completion) compadd -- bash zsh ;;
                    methods) compadd -- refresh --output ;;
                    *)
                      local -a reply left
                      _flickr_dynamic_arguments "$first"
                      for w in $reply; do
                        (( ${words[(I)${w}*]} )) || left+=("$w")
                      done
                      compadd -S '' -- $left
                      compadd -- %s ;;
                  esac
                }
                compdef _flickr_dynamic flickr
                """.formatted(VALUED, OPTIONS, SUBCOMMANDS, OPTIONS));
        return sb.toString();
    }

    /**
     * The start of {@code _flickr_dynamic_arguments}: a case on the method name, full or short, with an arm
     * for each method that has arguments, giving its argument words between {@code open} and {@code close}.
     * The caller writes the rest of the case and the function's end.
     */
    private static void argumentsCases(MethodTable table, String open, String close, StringBuilder sb) {
        sb.append("""
                _flickr_dynamic_arguments() {
                  case "$1" in
                """);
        for (MethodSpec m : table.methods()) {
            if (!m.arguments().isEmpty()) {
                sb.append("    ").append(m.name()).append('|').append(m.shortName()).append(") ").append(open)
                        .append(argumentWords(m)).append(close).append(" ;;\n");
            }
        }
    }

    /** Every method's full and short name. */
    private static List<String> names(MethodTable table) {
        List<String> names = new ArrayList<>(table.names());
        for (String n : table.names()) {
            if (n.startsWith(MethodSpec.PREFIX)) {
                names.add(n.substring(MethodSpec.PREFIX.length()));
            }
        }
        return names;
    }

    /** A method's argument names as {@code name=}, space-separated; names are plain words, safe to quote. */
    private static String argumentWords(MethodSpec m) {
        List<String> words = new ArrayList<>();
        for (ArgumentSpec a : m.arguments()) {
            if (a.name().matches("[A-Za-z0-9_.\\-]+")) {
                words.add(a.name() + "=");
            }
        }
        return String.join(" ", words);
    }
}
