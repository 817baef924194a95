/**
 * CDNOW has no names or contact details. The demo gives each customer a
 * deterministic made-up identity (same id → same person on every machine), with
 * addresses under example.com so no real mailbox is ever written to.
 */
const FIRST = ["Ana", "Luis", "María", "José", "Sofía", "Carlos", "Valentina", "Diego", "Camila", "Jorge", "Lucía", "Miguel", "Daniela", "Andrés", "Paula", "Fernando", "Isabel", "Ricardo", "Gabriela", "Javier", "Renata", "Pablo", "Elena", "Tomás", "Mariana", "Emilio", "Ximena", "Héctor", "Natalia", "Raúl"];
const LAST = ["García", "Hernández", "López", "Martínez", "González", "Rodríguez", "Pérez", "Sánchez", "Ramírez", "Torres", "Flores", "Rivera", "Gómez", "Díaz", "Reyes", "Morales", "Cruz", "Ortiz", "Gutiérrez", "Chávez", "Ramos", "Vargas", "Castillo", "Jiménez", "Mendoza", "Rojas", "Silva", "Herrera", "Medina", "Aguilar"];
const CITIES = ["Ciudad de México", "Guadalajara", "Monterrey", "Puebla", "Querétaro", "Mérida", "León", "Tijuana"];

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function demoPerson(customerId: string) {
  const h = hash(customerId);
  const first = FIRST[h % FIRST.length]!;
  const last = LAST[(h >>> 8) % LAST.length]!;
  const plain = `${first}.${last}`.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  return {
    name: `${first} ${last}`,
    email: `${plain}.${customerId}@example.com`,
    phone: `+5255${String(10_000_000 + (h % 89_999_999)).padStart(8, "0")}`,
    city: CITIES[(h >>> 16) % CITIES.length]!,
    consentMarketing: h % 10 < 7,
    consentPersonalization: h % 10 < 8,
  };
}
