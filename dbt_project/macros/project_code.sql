{#- Given a project label as printed, return the project number it prints, NULL if none: a
    number of three or more digits before the name (`6154 Förskola Åsbro`, `77023
    Brandbergens centrum`) or in brackets after it (`Ny teknik bowlinghall Korsavad (6154)`).
    A number that reads as a year (19xx, 20xx: `Investering 2024`, `(2024)`) is no code, and
    neither is a number after the name without brackets: it may be a year, a stage or a
    counter (`Cirkulationsplats norra 14`). -#}
{% macro project_code(label) %}
    nullif(
        regexp_extract(
            coalesce(
                nullif(regexp_extract({{ label }}, '^(\d{3,})\s+\S', 1), ''),
                regexp_extract({{ label }}, '\((\d{3,})\)\s*$', 1)
            ),
            '^((?:19|20)\d\d)$|^(\d+)$',
            2
        ),
        ''
    )
{% endmacro %}
