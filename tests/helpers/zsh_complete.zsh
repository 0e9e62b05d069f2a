# Completes one command line in a real interactive zsh (driven through
# zsh/zpty) and writes every match offered to $CAPTURE, one a line.
# env: COMP_DIR (holds _alipay-oauth), CAPTURE, LINE (the text before Tab).
zmodload zsh/zpty || exit 3

setup=$(mktemp) || exit 3
trap 'rm -f $setup' EXIT
cat > $setup <<'SETUP'
PROMPT='<ready>'
fpath=("$COMP_DIR" $fpath)
autoload -Uz compinit && compinit -u -D
# Matches that would be offered go to the capture file instead. Calls that
# only collect (-O, -A, -D) are internal to the completion system.
compadd() {
  if [[ " ${(j: :)@} " == *' -'[OAD]' '* ]]; then
    builtin compadd "$@"
    return
  fi
  local -a found
  builtin compadd -O found "$@"
  (( $#found )) && print -rl -- "${found[@]}" >> "$CAPTURE"
  return 0
}
SETUP

# Reads the terminal until $1 appears (zsh drops typeahead sent before its
# line editor starts, so each step waits for the previous one to show).
seen=''
wait_for() {
  local i chunk
  for i in {1..2400}; do
    [[ $seen == *$1* ]] && return 0
    while zpty -r -t z chunk 2>/dev/null; do seen+=$chunk; done
    sleep 0.05
  done
  print -ru2 -- "zsh never showed $1; it wrote: $seen"
  return 1
}

zpty z zsh -f -i
zpty -w z "source ${(q)setup}"
wait_for '<ready>' || exit 4
seen=''
# Tab, then clear the line and print a marker that ends the wait.
zpty -w -n z "$LINE"$'\t'$'\C-u'"print -r -- '<do''ne>'"$'\n'
wait_for '<done>' || exit 5
zpty -w z exit
zpty -d z
