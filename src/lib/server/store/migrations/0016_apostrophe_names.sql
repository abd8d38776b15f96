-- An apostrophe now parts the words of a folded name (foldVietnamese): "H'Hen Niê" is
-- "h hen nie", so "Hen" and "H'Hen" find her. Names stored before kept "h'hen nie", which
-- only "Niê" found. Re-folded with the connection's own fold (vi_fold), so the stored key is
-- what the search and the duplicate checks compute. Only names holding an apostrophe the
-- name check let through until now are read: the straight one, and ʼ and ʻ (letters to it).
UPDATE residents
SET name_folded = vi_fold(full_name)
WHERE (instr(full_name, '''') > 0 OR instr(full_name, 'ʼ') > 0 OR instr(full_name, 'ʻ') > 0)
	AND name_folded IS NOT vi_fold(full_name);
