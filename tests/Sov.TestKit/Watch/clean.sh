# The clean fixture for `sov watch` (issue #19): asks the model at $1 (HOST:PORT) once, in bash alone (no
# interpreter that reads the time zone at start, no other program), and prints the answer.
exec 3<>"/dev/tcp/${1%:*}/${1##*:}"
body='{"model":"m","messages":[{"role":"user","content":"say hello"}]}'
printf 'POST /v1/chat/completions HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s' "$1" "${#body}" "$body" >&3
reply=
while IFS= read -r line <&3 || [ -n "$line" ]; do reply=$line; line=; done
answer=${reply#*\"content\":\"}
echo "${answer%%\"*}"
