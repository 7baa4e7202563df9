Console.WriteLine("policy-check: placeholder");
