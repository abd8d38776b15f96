-- Vietnamese text quotes with “ ”, as the lessons do. Only the title as 0002 shipped it: a
-- title the ward has edited since is theirs and stays.
UPDATE skills
SET title = 'Nhận diện 5 kiểu lừa đảo; biết “cúp máy – gọi lại – hỏi người thân”'
WHERE code = 'M9' AND title = 'Nhận diện 5 kiểu lừa đảo; biết "cúp máy – gọi lại – hỏi người thân"';
