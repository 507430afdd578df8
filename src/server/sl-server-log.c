/* sl-server-log.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-server"

#include "config.h"

#include <string.h>

#include "sl-server-log.h"

/* Longest quoted value, in bytes before escaping. */
#define MAX_VALUE 200

/* key="value": quotes, backslashes and control bytes escaped, UTF-8
 * kept; NULL gives key=-. */
static void
append_quoted (GString    *line,
               const char *key,
               const char *value)
{
  gsize length;

  g_string_append_printf (line, " %s=", key);
  if (value == NULL)
    {
      g_string_append_c (line, '-');
      return;
    }

  length = strlen (value);
  g_string_append_c (line, '"');
  for (gsize i = 0; i < length && i < MAX_VALUE; i++)
    {
      guchar c = (guchar) value[i];

      if (c == '"' || c == '\\')
        g_string_append_printf (line, "\\%c", c);
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (line, "\\x%02x", c);
      else
        g_string_append_c (line, (char) c);
    }
  if (length > MAX_VALUE)
    g_string_append (line, "...");
  g_string_append_c (line, '"');
}

static void
append_request (GString           *line,
                SoupServerMessage *msg)
{
  const char *method = soup_server_message_get_method (msg);
  GUri *uri = soup_server_message_get_uri (msg);
  const char *address = soup_server_message_get_remote_host (msg);

  g_string_append_printf (line, " method=%s", method != NULL ? method : "-");
  if (uri != NULL)
    append_quoted (line, "path", g_uri_get_path (uri));
  else
    g_string_append (line, " path=-");
  g_string_append_printf (line, " address=%s", address != NULL ? address : "-");
}

void
sl_server_log_refusal (SoupServerMessage     *msg,
                       const SlServerRefusal *refusal)
{
  g_autoptr(GString) line = g_string_new (NULL);

  g_string_append_printf (line, "refused status=%u error=%s", refusal->status, refusal->error);
  append_request (line, msg);
  append_quoted (line, "user", refusal->user);
  if (refusal->user == NULL && refusal->claimed != NULL)
    append_quoted (line, "claimed", refusal->claimed);
  if (refusal->doc != NULL)
    append_quoted (line, "doc", refusal->doc);
  append_quoted (line, "why", refusal->why);
  g_message ("%s", line->str);
}

void
sl_server_log_lockout (SoupServerMessage *msg,
                       const char        *what,
                       const char        *key,
                       guint              failures,
                       guint              seconds)
{
  g_autoptr(GString) line = g_string_new ("locked");

  append_quoted (line, what, key);
  g_string_append_printf (line, " failures=%u seconds=%u", failures, seconds);
  append_request (line, msg);
  g_warning ("%s", line->str);
}
